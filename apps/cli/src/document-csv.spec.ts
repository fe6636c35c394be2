import { documentsCsv } from './document-csv';

describe('documentsCsv', () => {
  it('writes a header and one row per document, the body flattened by dot path', () => {
    const csv = documentsCsv([
      {
        id: 'c-1',
        version: 7,
        body: { tier: 'gold', netSpend: 1500, churnRisk: false, profile: { city: 'İzmir' } },
      },
    ]);

    expect(csv).toBe(
      'id,version,body.tier,body.netSpend,body.churnRisk,body.profile.city\r\n' +
        'c-1,7,gold,1500,false,İzmir\r\n',
    );
  });

  it('takes the union of the columns in the order first met, leaving missing and null cells empty', () => {
    const csv = documentsCsv([
      { id: 'a', version: 1, body: { tier: 'gold', lastPurchaseAt: null } },
      { id: 'b', version: 2, body: { stage: 'lead', tier: 'bronze' } },
    ]);

    expect(csv.split('\r\n')).toEqual([
      'id,version,body.tier,body.lastPurchaseAt,body.stage',
      'a,1,gold,,',
      'b,2,bronze,,lead',
      '',
    ]);
  });

  it('writes arrays and empty objects as JSON text in one cell, quoted as CSV needs', () => {
    const csv = documentsCsv([{ id: 'a', version: 1, body: { tags: ['x', 'y'], consents: {} } }]);

    expect(csv).toBe('id,version,body.tags,body.consents\r\na,1,"[""x"",""y""]",{}\r\n');
  });

  it('quotes cells with commas, quotes and line breaks, doubling the quotes', () => {
    const csv = documentsCsv([{ id: 'a,b', version: 1, body: { text: 'said "late"\nthen, left' } }]);

    expect(csv).toBe('id,version,body.text\r\n"a,b",1,"said ""late""\nthen, left"\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, ids included, but not negative numbers', () => {
    const csv = documentsCsv([
      {
        id: '-1+2',
        version: 1,
        body: { name: '=HYPERLINK("http://x")', phone: '+90 532', note: '@x', delta: -5 },
      },
    ]);

    expect(csv.split('\r\n')[1]).toBe(`'-1+2,1,"'=HYPERLINK(""http://x"")",'+90 532,'@x,-5`);
  });

  it('writes nothing for no documents', () => {
    expect(documentsCsv([])).toBe('');
  });
});
