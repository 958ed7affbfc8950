'use client';

/** Fetch a file the facilitator link may download and hand it to the browser as a download. */
export async function downloadWithToken(url: string, token: string, fallbackName: string) {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  await saveResponse(res, fallbackName);
}

/** Hand a response's body to the browser as a download, under the file name it gives if any. */
export async function saveResponse(res: Response, fallbackName: string) {
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
