import nock from 'nock';

/** Outbound HTTP may reach only our own server on loopback; Microsoft and Slack are nocked. */
export function onlyLoopbackNetwork(): void {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
  });
  afterEach(() => {
    nock.cleanAll();
  });
  afterAll(() => {
    nock.enableNetConnect();
  });
}

export async function post(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; text: string; json: () => unknown }> {
  const res = await fetch(url, { method: 'POST', body, headers });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) as unknown };
}
