import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchRawMessage } from './raw-source';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

/** A webmail on loopback that answers with `answer`, or never when it is undefined. */
async function webmail(answer?: { type: string; body: string }): Promise<string> {
  server = createServer((_request, response) => {
    if (answer) response.writeHead(200, { 'content-type': answer.type }).end(answer.body);
    // else: the request hangs, as a webmail under load may
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/?_task=mail&_action=viewsource&_uid=1`;
}

describe('fetchRawMessage', () => {
  it('reads the source of the open message', async () => {
    const url = await webmail({ type: 'text/plain; charset=utf-8', body: 'Subject: x\r\n\r\nbody' });
    expect(new TextDecoder().decode(await fetchRawMessage(url))).toBe('Subject: x\r\n\r\nbody');
  });

  it('gives up on a webmail that does not answer in time, so the DOM check goes alone', async () => {
    const url = await webmail();
    const started = Date.now();
    expect(await fetchRawMessage(url, 300)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('takes no answer that is not a mail (a login page after the session ended)', async () => {
    const url = await webmail({ type: 'text/html', body: '<form id="login-form"></form>' });
    expect(await fetchRawMessage(url)).toBeUndefined();
  });
});
