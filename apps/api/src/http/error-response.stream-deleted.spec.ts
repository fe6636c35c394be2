import { StreamDeletedError } from '@crm/event-store';
import { errorResponse } from './error-response';

describe('errorResponse for a stream deleted in the event store', () => {
  it('answers 410 Gone naming the stream, not 500', () => {
    const { body } = errorResponse(new StreamDeletedError('customer-c1'));

    expect(body).toEqual({
      statusCode: 410,
      error: 'Gone',
      code: 'stream_deleted',
      message: 'Stream customer-c1 was deleted for good and can be neither read nor written',
      details: { streamId: 'customer-c1' },
    });
  });
});
