import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, declaredLength, limitBody } from './body-limit.js';

function chunked(chunks: number, size: number, pulled: { count: number }): ReadableStream<Uint8Array> {
  return new ReadableStream({
    pull(controller) {
      if (pulled.count >= chunks) return controller.close();
      pulled.count++;
      controller.enqueue(new Uint8Array(size));
    },
  });
}

describe('limitBody', () => {
  it('passes a body within the limit through unchanged', async () => {
    const { request, tripped } = limitBody(new Request('http://x.test/', { method: 'POST', body: 'abcdef' }), 6);
    expect(await request.text()).toBe('abcdef');
    expect(tripped()).toBe(false);
  });

  it('fails past the limit and stops pulling the source there', async () => {
    const pulled = { count: 0 };
    const source = new Request('http://x.test/', { method: 'POST', body: chunked(1000, 1024, pulled), duplex: 'half' } as RequestInit);
    const { request, tripped } = limitBody(source, 10 * 1024);
    await expect(request.arrayBuffer()).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(tripped()).toBe(true);
    expect(pulled.count).toBeLessThan(20);
  });

  it('leaves a bodiless request alone', () => {
    const request = new Request('http://x.test/');
    expect(limitBody(request, 1).request).toBe(request);
  });
});

describe('declaredLength', () => {
  it.each([
    ['12', 12],
    [' 5 ', 5],
    ['-1', undefined],
    ['abc', undefined],
  ])('%j is %j', (value, expected) => {
    expect(declaredLength(new Headers({ 'content-length': value }))).toBe(expected);
  });
});
