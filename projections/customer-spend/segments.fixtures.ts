import { DAY_IN_MS } from '@crm/domain';
import { type DatedAmounts, noDatedAmounts, withDatedAmount } from '@crm/domain';

/** A purchase or a return, as the fixtures list them; `ledger` sorts them into the document's two lists. */
interface Movement {
  readonly kind: 'purchase' | 'return';
  readonly atMs: number;
  readonly amount: number;
  readonly currency: string;
}
import type { SpendLedger } from './spend-window';

/** The instant both specs ask at; its 730-day window starts 2024-01-02T00:00:00Z (2024 is a leap year). */
export const AS_OF = '2026-01-01T00:00:00.000Z';

const HOUR_MS = 60 * 60 * 1000;
const at = (daysAgo: number, hoursAgo = 0): number =>
  Date.parse(AS_OF) - daysAgo * DAY_IN_MS - hoursAgo * HOUR_MS;

export const buy = (daysAgo: number, amount: number, currency = 'TRY', hoursAgo = 0): Movement => ({
  kind: 'purchase',
  atMs: at(daysAgo, hoursAgo),
  amount,
  currency,
});
export const giveBack = (daysAgo: number, amount: number): Movement => ({
  kind: 'return',
  atMs: at(daysAgo),
  amount,
  currency: 'TRY',
});

const of = (movements: readonly Movement[], kind: Movement['kind']): DatedAmounts =>
  movements
    .filter((m) => m.kind === kind)
    .reduce((columns, m) => withDatedAmount(columns, m.atMs, m.amount, m.currency), noDatedAmounts());

export const ledger = (customerId: string, movements: Movement[], listed = true): SpendLedger => ({
  customerId,
  purchases: of(movements, 'purchase'),
  returns: of(movements, 'return'),
  listed,
});

const repeat = (times: number, first: number, every: number, amount: number): Movement[] =>
  Array.from({ length: times }, (_, i) => buy(first + i * every, amount));

/**
 * Thirteen customers; ten are scored. Raw R (days), F (purchases), M (TRY kuruş) in the 730-day window:
 *
 * | id | R   | F | M       | notes                                                        |
 * | -- | --- | - | ------- | ------------------------------------------------------------ |
 * | a  | 1   | 8 | 900,000 | last purchase 1 day 5 hours ago: R counts whole days         |
 * | b  | 3   | 6 | 800,000 |                                                              |
 * | c  | 400 | 7 | 700,000 | 800,000 bought, 100,000 returned 300 days ago                |
 * | d  | 500 | 2 | 200,000 |                                                              |
 * | e  | 600 | 1 | 10,000  |                                                              |
 * | f  | 0   | 1 | 50,000  | bought exactly at asOf (the window's end is inclusive)       |
 * | g  | 100 | 1 | 100,000 |                                                              |
 * | h  | 30  | 1 | 20,000  |                                                              |
 * | i  | 200 | 2 | 300,000 | plus 999,999 EUR: counts for F, not for M                    |
 * | j  | 700 | 1 | 30,000  | plus 5,000,000 exactly 730 days ago (the start is exclusive) |
 * | k  | —   | — | —       | erased; bought 10,000,000 two days ago                       |
 * | l  | —   | — | —       | only purchase 731 days ago                                   |
 * | m  | —   | — | —       | only purchase one day after asOf                             |
 */
export const POPULATION: readonly SpendLedger[] = [
  ledger('a', [buy(1, 200_000, 'TRY', 5), ...repeat(7, 10, 10, 100_000)]),
  ledger('b', [buy(3, 300_000), ...repeat(5, 13, 10, 100_000)]),
  ledger('c', [buy(400, 200_000), ...repeat(6, 410, 10, 100_000), giveBack(300, 100_000)]),
  ledger('d', [buy(500, 100_000), buy(600, 100_000)]),
  ledger('e', [buy(600, 10_000)]),
  ledger('f', [buy(0, 50_000)]),
  ledger('g', [buy(100, 100_000)]),
  ledger('h', [buy(30, 20_000)]),
  ledger('i', [buy(200, 300_000), buy(250, 999_999, 'EUR')]),
  ledger('j', [buy(730, 5_000_000), buy(700, 30_000)]),
  ledger('k', [buy(2, 10_000_000)], false),
  ledger('l', [buy(731, 40_000)]),
  ledger('m', [buy(-1, 40_000)]),
];
