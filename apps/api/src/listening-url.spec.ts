import { listeningUrl } from './listening-url';

describe('listeningUrl, the address in the start-up log', () => {
  it.each([
    ['127.0.0.1', 'http://127.0.0.1:3000'],
    ['10.0.4.7', 'http://10.0.4.7:3000'],
    ['crm.internal', 'http://crm.internal:3000'],
    ['::1', 'http://[::1]:3000'],
  ])('prints HOST=%s as it is: %s', (host, url) => {
    expect(listeningUrl(host, 3000)).toBe(url);
  });

  it.each(['0.0.0.0', '::'])('prints the wildcard %s as localhost', (host) => {
    expect(listeningUrl(host, 8080)).toBe('http://localhost:8080');
  });
});
