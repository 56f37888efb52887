// Bounded v1 list paging: pages of 100 with `starting_after`, stopped by the object cap (which
// sets `truncated`); never an unbounded list, never a loop on a page that does not advance.
import type { StripeAccess, StripeClient } from './client.js';
import { shapeFailure } from './errors.js';
import type { StripeResourceId } from './resources.js';

export const PAGE_SIZE = 100;

export interface Page<T> {
  data: T[];
  has_more: boolean;
}

export interface Listed<T> {
  items: T[];
  truncated: boolean;
}

export async function listAll<T extends { id: string }>(
  access: StripeAccess,
  resource: StripeResourceId,
  maxObjects: number,
  fetchPage: (stripe: StripeClient, cursor: { limit: number; starting_after?: string }) => Promise<Page<T>>,
): Promise<Listed<T>> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await access.call(resource, (stripe) => fetchPage(stripe, { limit: PAGE_SIZE, ...(cursor && { starting_after: cursor }) }));
    if (!page || !Array.isArray(page.data) || typeof page.has_more !== 'boolean') throw shapeFailure(resource, 'not a list');
    for (const item of page.data) {
      if (typeof item?.id !== 'string') throw shapeFailure(resource, 'a list item without an id');
    }
    items.push(...page.data);
    if (items.length > maxObjects) return { items: items.slice(0, maxObjects), truncated: true };
    if (!page.has_more) return { items, truncated: false };
    if (items.length === maxObjects) return { items, truncated: true };
    const last = page.data.at(-1)?.id;
    if (last === undefined || last === cursor) throw shapeFailure(resource, 'has_more on a page that does not advance');
    cursor = last;
  }
}

/** `created[gte]` for the window: now − windowDays, in Unix seconds. */
export function windowStart(now: number, windowDays: number): number {
  return Math.floor(now / 1000) - windowDays * 86_400;
}

/** Like Promise.all, but waits for every request to settle first: no request outlives its gatherer. */
export async function allSettledOrThrow<T extends readonly unknown[]>(promises: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(promises);
  const rejected = settled.find((result) => result.status === 'rejected');
  if (rejected) throw rejected.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
