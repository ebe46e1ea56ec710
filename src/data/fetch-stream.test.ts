import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchCapped } from './fetch-stream.ts';

// A real server: the body arrives in chunks, as from a host.
let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/missing') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    const chunks = req.url === '/empty' ? 0 : 10;
    for (let i = 0; i < chunks; i++) res.write(Buffer.alloc(1000, i));
    res.end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('fetchCapped', () => {
  it('reads a whole body, in order', async () => {
    const bytes = await fetchCapped(`${base}/file`, 'a file');
    expect(bytes.length).toBe(10_000);
    expect([bytes[0], bytes[999], bytes[1000], bytes[9999]]).toEqual([0, 0, 1, 9]);
  });

  it('reads an empty body as no bytes', async () => {
    expect((await fetchCapped(`${base}/empty`, 'a file')).length).toBe(0);
  });

  it('refuses a body past its cap, naming the file', async () => {
    await expect(fetchCapped(`${base}/file`, 'the event details file', 4096)).rejects.toThrow(
      /Could not load the event details file \(http:\/\/[^)]+\/file\): too large: more than 0\.00390625 MB/,
    );
  });

  it('says which file was not found', async () => {
    await expect(fetchCapped(`${base}/missing`, 'an article')).rejects.toThrow(
      /Could not load an article \(http:\/\/[^)]+\/missing\): HTTP 404\./,
    );
  });
});
