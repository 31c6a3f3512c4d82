import { readCsv } from '../../../src/domain/standards/csv';

// RFC 4180 as officers' spreadsheets produce it; the Torus Liverpool local offers are full of
// commas ("website, social media channels, communal area notice boards").
describe('RFC 4180 CSV reader', () => {
  it('keeps commas inside quoted fields, as in the Liverpool "website, social media" measures', () => {
    const read = readCsv('a,b\n"website, social media channels",2\n');
    expect(read).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['website, social media channels', '2'] },
      ],
    });
  });

  it('reads doubled quotes and line breaks inside quotes, and numbers records by starting line', () => {
    const read = readCsv('a,b\r\n"He said ""hello""","line one\r\nline two"\r\nx,y');
    expect(read.ok && read.records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['He said "hello"', 'line one\r\nline two'] },
      { line: 4, fields: ['x', 'y'] },
    ]);
  });

  it('keeps empty fields and skips blank lines and an Excel byte-order mark', () => {
    const read = readCsv('\uFEFFa,,c\n\n,,\n');
    expect(read.ok && read.records.map((r) => r.fields)).toEqual([
      ['a', '', 'c'],
      ['', '', ''],
    ]);
  });

  it('reads a quoted empty field as an empty string', () => {
    const read = readCsv('""');
    expect(read.ok && read.records.map((r) => r.fields)).toEqual([['']]);
  });

  it('reports an unclosed quote with the line it opened on', () => {
    expect(readCsv('a,b\n1,"never closed\n2,3\n')).toEqual({
      ok: false,
      error: { line: 2, message: 'a quoted field is never closed' },
    });
  });

  it('reports a stray quote in the middle of an unquoted field', () => {
    const read = readCsv('a,b\nab"c,d');
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error.line).toBe(2);
  });

  it('reports text after a closing quote', () => {
    const read = readCsv('"a"b,c');
    expect(!read.ok && read.error.message).toBe(
      'text follows a closing quote before the next comma',
    );
  });
});
