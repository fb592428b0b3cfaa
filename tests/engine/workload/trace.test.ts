import { describe, expect, it } from 'vitest';
import { parseTrace, TraceParseError } from '../../../src/engine/workload/trace-parse';
import { TraceStream, traceExtent } from '../../../src/engine/workload/trace-stream';
import { ACCESS_FETCH, ACCESS_READ, ACCESS_WRITE } from '../../../src/engine/vocabulary';

describe('parseTrace', () => {
  it('reads addresses, kinds, comments and blank lines', () => {
    const trace = parseTrace(
      [
        '# a trace',
        '0x7fff_f000_0123',
        '',
        '7f0000001000 w  # store',
        '0x1000 x',
        '0X2000 READ',
        '0xffffffff8100_0000 fetch',
      ].join('\n'),
    );
    expect(trace.length).toBe(5);
    expect([...trace.hi]).toEqual([0x7fff, 0x7f00, 0, 0, 0xffffffff]);
    expect([...trace.lo]).toEqual([0xf0000123, 0x00001000, 0x1000, 0x2000, 0x81000000]);
    expect([...trace.kind]).toEqual([ACCESS_READ, ACCESS_WRITE, ACCESS_FETCH, ACCESS_READ, ACCESS_FETCH]);
  });

  it('accepts CRLF line ends and leading zeros beyond 16 digits', () => {
    const trace = parseTrace('0x00000000000000001000 r\r\n0x2000\r\n');
    expect([...trace.lo]).toEqual([0x1000, 0x2000]);
  });

  it.each([
    ['0x1000\n0xzz12\n', 2, /not a hexadecimal address/],
    ['0x1000\n\n# c\n0x2000 q\n', 4, /unknown access kind "q"/],
    ['0x1000 r extra\n', 1, /expected an address and an optional kind/],
    ['0x1\n0x1_0000_0000_0000_0000\n', 2, /does not fit in 64 bits/],
    ['0x\n', 1, /not a hexadecimal address/],
  ])('names the line of an error: %j', (text, line, reason) => {
    let error: unknown;
    try {
      parseTrace(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TraceParseError);
    expect((error as TraceParseError).line).toBe(line);
    expect((error as Error).message).toMatch(new RegExp(`^line ${line}: `));
    expect((error as Error).message).toMatch(reason);
  });

  it('rejects a trace with no addresses', () => {
    expect(() => parseTrace('# nothing\n\n')).toThrow(/no addresses/);
  });

  it('grows past its initial capacity', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => '0x' + (0x1000 * i).toString(16));
    const trace = parseTrace(lines.join('\n'));
    expect(trace.length).toBe(5000);
    expect(trace.lo[4999]).toBe(0x1000 * 4999);
  });
});

describe('TraceStream', () => {
  it('replays the trace and starts over at the end', () => {
    const stream = new TraceStream(parseTrace('0x1000\n0x2000 w\n'));
    const seen: [number, number][] = [];
    for (let i = 0; i < 3; i++) {
      stream.next();
      seen.push([stream.vaLo, stream.kind]);
    }
    expect(seen).toEqual([
      [0x1000, ACCESS_READ],
      [0x2000, ACCESS_WRITE],
      [0x1000, ACCESS_READ],
    ]);
  });

  it('reports the extent of lower-half traces only', () => {
    expect(traceExtent(parseTrace('0x7f00_0000_2000\n0x7f00_0000_1000\n'))).toEqual({
      low: 0x7f00_0000_1000,
      high: 0x7f00_0000_2000,
    });
    expect(traceExtent(parseTrace('0xffff_8000_0000_0000\n'))).toBeNull();
  });
});
