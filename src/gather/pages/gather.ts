// The Pages artifact: each page the config names and some selected rule reads, fetched once (two
// pages with one URL share the fetch). Offline, unconfigured and unreachable pages are failures as
// data; a 404 or a redirect loop is a fact the rules judge.
import { readFile } from 'node:fs/promises';
import { rootCertificates } from 'node:tls';
import { PAGE_CONFIG_KEYS, PAGE_IDS, type PageFacts, type PageId } from './types.js';
import type { PageFetchOptions } from './fetch.js';
import { failed, gathered, type Gathered } from '../../engine/gathered.js';
import type { ArtifactDemand, GatherContext } from '../context.js';

export async function gatherPages(ctx: GatherContext, demand: ArtifactDemand): Promise<Record<PageId, Gathered<PageFacts>>> {
  const wanted = new Set(demand.rules.flatMap((rule) => rule.meta.pages ?? []));
  const urls = new Map<PageId, string>();
  for (const id of PAGE_IDS) {
    const url = ctx.config[PAGE_CONFIG_KEYS[id]];
    if (url && wanted.has(id)) urls.set(id, url);
  }
  const ca = ctx.offline || urls.size === 0 ? { ok: true as const, ca: undefined } : await extraCertificates(ctx.env);
  const fetches = new Map<string, Promise<Gathered<PageFacts>>>();
  const fetchOnce = (url: string): Promise<Gathered<PageFacts>> => {
    let pending = fetches.get(url);
    if (!pending) {
      if (!ca.ok) pending = Promise.resolve(ca.failure);
      else {
        ctx.progress?.(`fetching ${url}`);
        pending = fetchGathered(url, { timeoutMs: ctx.config.pages.timeoutMs, ...(ca.ca ? { ca: ca.ca } : {}) });
      }
      fetches.set(url, pending);
    }
    return pending;
  };
  const entries = await Promise.all(
    PAGE_IDS.map(async (id): Promise<[PageId, Gathered<PageFacts>]> => {
      const key = PAGE_CONFIG_KEYS[id];
      if (!wanted.has(id)) return [id, failed('not_configured', `no selected rule reads the ${key} page`, 'Select a rule that reads it.')];
      const url = urls.get(id);
      if (!url) return [id, failed('not_configured', `${key} is not set in the config`, `Set "${key}" in identity-golive.config.json to your public page's https URL.`)];
      if (ctx.offline) return [id, failed('offline', `--offline: ${url} was not fetched`, 'Run without --offline to check the page.')];
      return [id, await fetchOnce(url)];
    }),
  );
  return Object.fromEntries(entries) as Record<PageId, Gathered<PageFacts>>;
}

async function fetchGathered(url: string, options: PageFetchOptions): Promise<Gathered<PageFacts>> {
  // Loaded only to fetch: an offline or unconfigured run never loads the HTML parser.
  const { fetchPage, PageFetchError } = await import('./fetch.js');
  try {
    return gathered(await fetchPage(url, options));
  } catch (error) {
    if (error instanceof PageFetchError) {
      const fix = error.kind === 'timeout' ? 'Check that the page is up and fast; raise `pages.timeoutMs` if it is just slow.' : 'Check the URL, and that the page is publicly reachable over https from this machine.';
      return failed(error.kind, error.message, fix);
    }
    throw error;
  }
}

type CaResult = { ok: true; ca: string[] | undefined } | { ok: false; failure: Gathered<PageFacts> };

/**
 * Node reads NODE_EXTRA_CA_CERTS once at start-up; reading it from the run's environment as well
 * makes it work for in-process runs too (tests, the API). Unset: Node's default trust store.
 */
async function extraCertificates(env: NodeJS.ProcessEnv): Promise<CaResult> {
  const file = env.NODE_EXTRA_CA_CERTS;
  if (!file) return { ok: true, ca: undefined };
  try {
    return { ok: true, ca: [...rootCertificates, await readFile(file, 'utf8')] };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { ok: false, failure: failed('io', `NODE_EXTRA_CA_CERTS names ${file}, which cannot be read (${code})`, 'Point NODE_EXTRA_CA_CERTS at a readable PEM file, or unset it.') };
  }
}
