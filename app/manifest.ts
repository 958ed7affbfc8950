import type { MetadataRoute } from 'next';
import { webManifest } from '../lib/manifest';

/** The site's manifest (served at /manifest.webmanifest); each phone page links its own instead. */
export default function manifest(): MetadataRoute.Manifest {
  return webManifest({ startUrl: '/', scope: '/' });
}
