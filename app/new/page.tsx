import { Suspense } from 'react';
import { NewEventForm } from '../../components/facilitator/NewEventForm';

export const metadata = { title: 'Set up an event — Café Space' };

export default function Page() {
  return (
    <Suspense>
      <NewEventForm />
    </Suspense>
  );
}
