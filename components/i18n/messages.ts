/**
 * The message catalogues, one chunk each: a phone that switches language downloads only the one
 * it switches to. A page of the organisers' also loads the parts it shows (`PARTS`), each one
 * namespace. English is the reference every other catalogue must match
 * (`lib/i18n/catalogues.test.ts`).
 */
import type { Locale, Part } from '../../lib/i18n/locales';
import type consoleEn from '../../messages/console/en.json';
import type en from '../../messages/en.json';
import type evidenceEn from '../../messages/evidence/en.json';
import type harvestConsoleEn from '../../messages/harvestConsole/en.json';
import type kitEn from '../../messages/kit/en.json';
import type proceedingsEn from '../../messages/proceedings/en.json';
import type projectorEn from '../../messages/projector/en.json';
import type reportEn from '../../messages/report/en.json';
import type seriesEn from '../../messages/series/en.json';
import type siteEn from '../../messages/site/en.json';
import type spaceConsoleEn from '../../messages/spaceConsole/en.json';

/** What every page has: the phone's screens and the pieces the organisers' screens share with them. */
export type PhoneMessages = typeof en;

export interface PartMessages {
  site: typeof siteEn;
  console: typeof consoleEn;
  spaceConsole: typeof spaceConsoleEn;
  harvestConsole: typeof harvestConsoleEn;
  projector: typeof projectorEn;
  report: typeof reportEn;
  evidence: typeof evidenceEn;
  kit: typeof kitEn;
  proceedings: typeof proceedingsEn;
  series: typeof seriesEn;
}

/** Every message; a page holds the phone's and those of the parts it loaded. */
export type Messages = PhoneMessages & PartMessages;

type Loader<T> = () => Promise<{ default: T }>;

/** One loader per language offered: TypeScript insists a new language gets one. */
const PHONE: Record<Locale, Loader<PhoneMessages>> = {
  en: () => import('../../messages/en.json'),
  pl: () => import('../../messages/pl.json'),
  ar: () => import('../../messages/ar.json'),
};

const PART_LOADERS: { [P in Part]: Record<Locale, Loader<PartMessages[P]>> } = {
  site: {
    en: () => import('../../messages/site/en.json'),
    pl: () => import('../../messages/site/pl.json'),
    ar: () => import('../../messages/site/ar.json'),
  },
  console: {
    en: () => import('../../messages/console/en.json'),
    pl: () => import('../../messages/console/pl.json'),
    ar: () => import('../../messages/console/ar.json'),
  },
  spaceConsole: {
    en: () => import('../../messages/spaceConsole/en.json'),
    pl: () => import('../../messages/spaceConsole/pl.json'),
    ar: () => import('../../messages/spaceConsole/ar.json'),
  },
  harvestConsole: {
    en: () => import('../../messages/harvestConsole/en.json'),
    pl: () => import('../../messages/harvestConsole/pl.json'),
    ar: () => import('../../messages/harvestConsole/ar.json'),
  },
  projector: {
    en: () => import('../../messages/projector/en.json'),
    pl: () => import('../../messages/projector/pl.json'),
    ar: () => import('../../messages/projector/ar.json'),
  },
  report: {
    en: () => import('../../messages/report/en.json'),
    pl: () => import('../../messages/report/pl.json'),
    ar: () => import('../../messages/report/ar.json'),
  },
  evidence: {
    en: () => import('../../messages/evidence/en.json'),
    pl: () => import('../../messages/evidence/pl.json'),
    ar: () => import('../../messages/evidence/ar.json'),
  },
  kit: {
    en: () => import('../../messages/kit/en.json'),
    pl: () => import('../../messages/kit/pl.json'),
    ar: () => import('../../messages/kit/ar.json'),
  },
  proceedings: {
    en: () => import('../../messages/proceedings/en.json'),
    pl: () => import('../../messages/proceedings/pl.json'),
    ar: () => import('../../messages/proceedings/ar.json'),
  },
  series: {
    en: () => import('../../messages/series/en.json'),
    pl: () => import('../../messages/series/pl.json'),
    ar: () => import('../../messages/series/ar.json'),
  },
};

/** A language's phone catalogue and the given parts' catalogues, fetched together. */
export async function loadMessages(locale: Locale, parts: readonly Part[] = []): Promise<Messages> {
  const [phone, ...loaded] = await Promise.all([
    PHONE[locale](),
    ...parts.map((part) => PART_LOADERS[part][locale]()),
  ]);
  const messages: Record<string, unknown> = { ...phone.default };
  parts.forEach((part, i) => {
    messages[part] = loaded[i]?.default;
  });
  // A page only reads the namespaces it loaded.
  return messages as unknown as Messages;
}
