import { history, MARCH, valueOf } from '../kpi-facts.fixtures';
import { serviceKpis } from './service-kpis';

describe('service KPIs', () => {
  describe('given one complaint resolved at first contact in 24 h, one reopened and finally resolved after 100 h, one still open', () => {
    const h = history();
    h.on('c1', 'Complained', '2026-03-02T00:00:00Z', { complaintId: 'k1', slaHours: 72 });
    h.on('c1', 'ComplaintResolved', '2026-03-03T00:00:00Z', { complaintId: 'k1', firstContact: true });
    h.on('c2', 'Complained', '2026-03-10T00:00:00Z', { complaintId: 'k2', slaHours: 72 });
    h.on('c2', 'ComplaintResolved', '2026-03-10T12:00:00Z', { complaintId: 'k2', firstContact: true });
    h.on('c2', 'ComplaintReopened', '2026-03-11T00:00:00Z', { complaintId: 'k2' });
    h.on('c2', 'ComplaintResolved', '2026-03-14T04:00:00Z', { complaintId: 'k2', firstContact: false });
    h.on('c3', 'Complained', '2026-03-20T00:00:00Z', { complaintId: 'k3', slaHours: 72 });
    const kpis = serviceKpis(h.input().facts, MARCH);

    it('then resolution time runs from the original opening: avg (24 + 100) / 2 = 62 h, median 62 h', () => {
      expect(valueOf(kpis, 'complaint_resolution_time_avg')).toEqual({ value: 62, records: 2 });
      expect(valueOf(kpis, 'complaint_resolution_time_median')).toEqual({ value: 62, records: 2 });
    });

    it('then first-contact resolution excludes the reopened one (1 / 2) and SLA attainment 1 / 2 (100 h > 72 h)', () => {
      expect(valueOf(kpis, 'first_contact_resolution_rate')).toEqual({ value: 0.5, records: 2 });
      expect(valueOf(kpis, 'sla_attainment')).toEqual({ value: 0.5, records: 2 });
    });
  });

  describe('given one complaint resolved after 1 h 0 min 18 s (1.005 h, a decimal half at two places)', () => {
    it('then the average and median resolution times are 1.01 h, the half rounded up', () => {
      // 3,618,000 ms ÷ 3,600,000 ms/h = 1.005 h exactly; as a float 1.005 × 100 is 100.4999…, once shown as 1.
      const h = history();
      h.on('c1', 'Complained', '2026-03-02T00:00:00Z', { complaintId: 'k1', slaHours: 72 });
      h.on('c1', 'ComplaintResolved', '2026-03-02T01:00:18Z', { complaintId: 'k1', firstContact: true });
      const kpis = serviceKpis(h.input().facts, MARCH);

      expect(valueOf(kpis, 'complaint_resolution_time_avg')).toEqual({ value: 1.01, records: 1 });
      expect(valueOf(kpis, 'complaint_resolution_time_median')).toEqual({ value: 1.01, records: 1 });
    });
  });

  describe('given no complaint resolved in the period', () => {
    it('then every service KPI is null with 0 records', () => {
      const h = history();
      h.on('c1', 'Complained', '2026-02-02T00:00:00Z', { complaintId: 'k1', slaHours: 72 });
      h.on('c1', 'ComplaintResolved', '2026-03-01T00:00:00Z', { complaintId: 'k1', firstContact: true });
      expect(serviceKpis(h.input().facts, MARCH).map((kpi) => [kpi.value, kpi.records])).toEqual([
        [null, 0],
        [null, 0],
        [null, 0],
        [null, 0],
      ]);
    });
  });
});
