import { ParticipantApp } from '../../../components/participant/ParticipantApp';

export const metadata = { title: 'Join — Café Space' };

export default async function Page({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  return <ParticipantApp code={code.toUpperCase()} />;
}
