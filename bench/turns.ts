/** The activities the bench posts: message turns with expectReplies, as the local tools send them. */

export interface Turn {
  conversationId: string;
  text: string;
}

export function activityBody({ conversationId, text }: Turn): string {
  return JSON.stringify({
    type: 'message',
    channelId: 'bench',
    serviceUrl: 'http://127.0.0.1:1',
    deliveryMode: 'expectReplies',
    conversation: { id: conversationId },
    from: { id: 'bench-practitioner', name: 'Bench Practitioner' },
    recipient: { id: 'bot' },
    text,
  });
}

export const JSON_HEADERS = { 'content-type': 'application/json' };

/** Posts one turn and returns the text of each reply; throws on a status other than 200. */
export async function postTurn(url: string, turn: Turn): Promise<string[]> {
  const res = await fetch(url, { method: 'POST', headers: JSON_HEADERS, body: activityBody(turn) });
  if (res.status !== 200) throw new Error(`HTTP ${res.status} for "${turn.text}"`);
  const json = (await res.json()) as { activities?: Array<{ text?: string }> };
  return (json.activities ?? []).map((a) => a.text ?? '');
}
