import Link from 'next/link';
import type { ReactNode } from 'react';

export const metadata = { title: 'Accessibility and help — Café Space' };

/** The accessibility statement: short, plain words, for the people taking part as much as organisers. */
export default function Page() {
  return (
    <>
      <main className="mx-auto max-w-2xl space-y-8 px-4 py-8">
        <header>
          <h1 className="text-3xl font-bold">Accessibility and help</h1>
          <p className="mt-2 text-lg text-stone-700">
            Everyone should be able to take part. This page says what works, how to get help and what does not
            work well yet.
          </p>
        </header>

        <Part id="works" title="What works">
          <li>You can join with no app and no account. Giving your name is up to you in most events.</li>
          <li>
            Every screen works with a keyboard alone. The facilitator’s screen also has one-key shortcuts (S,
            P, E and N), which can be turned off.
          </li>
          <li>
            Screen readers can read every button and box. When something changes, such as a new round, one
            minute left or new notes at your table, you hear a short summary, not every note one by one.
          </li>
          <li>
            You can make the text twice as big, with zoom or your phone’s text size, and nothing is cut off.
          </li>
          <li>Dark mode and high contrast follow the settings of your phone or computer.</li>
          <li>Nothing flashes. If your device is set to reduce motion, nothing slides or fades.</li>
          <li>Buttons on phones are big enough to tap easily.</li>
          <li>
            Your phone can beep and buzz when a round ends. This is off unless you turn it on, on your phone’s
            screen.
          </li>
          <li>
            We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA, and check every
            screen with automatic tests.
          </li>
        </Part>

        <Part id="help" title="How to get help">
          <li>
            At the event, ask the facilitator or the host of your table. They can read the question out, write
            a note for you, or give everyone more time.
          </li>
          <li>You can take part without a phone: talk at your table, and ask someone to write your note.</li>
          <li>
            If something here does not work for you, tell the people who invited you. Their contact details
            are in your invitation.
          </li>
        </Part>

        <Part id="limits" title="What does not work well yet">
          <li>
            The big screen (the projector) is made to be seen across the room, not read by a screen reader.
            Your phone shows the same question, timer and table.
          </li>
          <li>
            The QR code needs a camera. You can type the join code at the address on the big screen instead.
          </li>
          <li>Rounds have a time limit. The facilitator can pause a round or add time.</li>
          <li>
            The themes in the harvest are made by the computer from the words people wrote. They can read
            oddly until the organiser tidies them.
          </li>
          <li>The downloaded PDF and Word reports have not yet been checked with screen readers.</li>
          <li>Not every screen is in every language yet.</li>
          <li>
            We check with automatic tests and by keyboard. Disabled people have not yet tested it with us.
          </li>
        </Part>
      </main>
      <footer className="mx-auto max-w-2xl border-t-2 border-stone-200 px-4 py-4">
        <Link href="/" className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">
          Back to the start page
        </Link>
      </footer>
    </>
  );
}

function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="text-2xl font-bold">
        {title}
      </h2>
      <ul className="mt-3 list-disc space-y-2 pl-6 text-lg">{children}</ul>
    </section>
  );
}
