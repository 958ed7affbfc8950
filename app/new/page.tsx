import { NewCafeForm } from '../../components/facilitator/NewCafeForm';

export const metadata = { title: 'Set up a café — Café Space' };

export default function Page() {
  return <NewCafeForm />;
}
