// R10 on the 准考证: the half of the written exam day a subject is sat in, from the seeds' timetable (四级 上午, 六级 下午).
import { describe, expect, it } from 'vitest';
import { writtenSittingOf } from '../../shared/domain/subject.js';

describe('writtenSittingOf', () => {
  it.each([
    ['英语四级笔试', { kind: 'written', level: 'CET4' }, 'MORNING'],
    ['日语六级笔试', { kind: 'written', level: 'CET6' }, 'AFTERNOON'],
    ['英语四级口试', { kind: 'oral', level: 'CET4' }, null],
    ['英语六级口试', { kind: 'oral', level: 'CET6' }, null],
  ] as const)('%s', (_name, subject, sitting) => {
    expect(writtenSittingOf(subject)).toBe(sitting);
  });
});
