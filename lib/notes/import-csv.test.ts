/** Reading a spreadsheet of notes to import: columns by name, rounds as people count them. */
import { describe, expect, it } from 'vitest';
import { emptyOpenSpace } from '../openspace/state';
import { readImportCsv } from './import-csv';

describe('reading notes to import from CSV', () => {
  it('takes columns by name in any order and case, rounds counted from 1, names optional', () => {
    const csv =
      '\uFEFFRound,Table,Note,Name\r\n1,2,"More benches, please",Ola\r\n2,1,"Line one\nline two",\r\n';
    expect(readImportCsv(csv, null)).toEqual({
      ok: true,
      rows: [
        { table: 2, round: 0, text: 'More benches, please', name: 'Ola' },
        { table: 1, round: 1, text: 'Line one\nline two' },
      ],
    });
  });

  it('finds a session by its title, whatever the case and spacing', () => {
    const os = emptyOpenSpace();
    const session = { id: 's-1', title: 'Car-free  Sundays', cancelled: false } as never;
    const withSession = { ...os, sessions: { 's-1': session } };
    expect(
      readImportCsv('session,text\ncar-free sundays,Start small\ns-1,Ask the council', withSession),
    ).toEqual({
      ok: true,
      rows: [
        { session: 's-1', text: 'Start small' },
        { session: 's-1', text: 'Ask the council' },
      ],
    });
  });

  it('names every bad line as the spreadsheet numbers it', () => {
    const read = readImportCsv('table,round,text\n1,1,Fine\nx,1,Bad table\n1,0,Round zero\n1,1,   \n', null);
    expect(read).toEqual({
      ok: false,
      issues: [
        { path: 'notes.1', message: 'Line 3: table and round must be whole numbers (or give a session).' },
        { path: 'notes.2', message: 'Line 4: tables and rounds are counted from 1.' },
        { path: 'notes.3', message: 'Line 5: text: a note cannot be empty.' },
      ],
    });
  });

  it('says plainly when the file cannot be used at all', () => {
    expect(readImportCsv('round,table,comment\n1,1,x', null)).toMatchObject({
      ok: false,
      issues: [{ message: 'Line 1 must name the columns, with one called "text" (or "note").' }],
    });
    expect(readImportCsv('text,table\nx,1', null)).toMatchObject({
      ok: false,
      issues: [{ message: 'Line 1 must name a "table" and a "round" column, or a "session" column.' }],
    });
    expect(readImportCsv('text,table,round\n', null)).toMatchObject({
      ok: false,
      issues: [{ message: 'The file has no notes in it.' }],
    });
    expect(readImportCsv('text,table,round\n"unclosed,1,1\n', null)).toMatchObject({
      ok: false,
      issues: [{ path: 'csv' }],
    });
    const many = `text,table,round\n${'x,1,1\n'.repeat(2001)}`;
    expect(readImportCsv(many, null)).toMatchObject({
      ok: false,
      issues: [{ message: 'One import takes at most 2000 notes; split the file.' }],
    });
  });
});
