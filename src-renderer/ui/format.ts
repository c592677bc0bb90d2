// How instants, days and money look on screen: instants in the exam session's time zone, money in yuan from fen.
import { formatYuan } from '../../shared/domain/money.js';

export { formatYuan };

export function formatInstant(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

export function formatWindow(window: { opensAt: string; closesAt: string }, timeZone: string): string {
  return `${formatInstant(window.opensAt, timeZone)} ~ ${formatInstant(window.closesAt, timeZone)}`;
}

/** `(99301)测试学校机构01`, as the seeds print schools, campuses and subjects. */
export function codeName(ref: { code: string; name: string }): string {
  return `(${ref.code})${ref.name}`;
}
