import { sha256 } from '../util/sha256.js';

export interface EmailDraftInput {
  from: { name: string; address: string } | undefined;
  to: { name: string; address: string };
  subject: string;
  /** Plain-text body. */
  text: string;
  /** Date header: the letter's date, so re-running gives the same bytes. */
  date: Date;
  attachments: { filename: string; content: Uint8Array }[];
}

/**
 * An unsent e-mail draft as an RFC 5322 message (.eml, UTF-8, CRLF line ends), built with
 * nodemailer's MailComposer, which encodes non-ASCII names and subjects (RFC 2047) and attachment
 * names (RFC 2231). Nothing is sent. `X-Unsent: 1` makes Outlook open it as a draft. The Message-ID
 * and the MIME boundaries derive from a hash of the content instead of randomness, so the same
 * input gives the same bytes.
 */
export async function buildEmailDraft(input: EmailDraftInput): Promise<Buffer> {
  const { default: MailComposer } = await import('nodemailer/lib/mail-composer');
  const digest = sha256(
    JSON.stringify({
      from: input.from,
      to: input.to,
      subject: input.subject,
      text: input.text,
      date: input.date.toISOString(),
      attachments: input.attachments.map((a) => [a.filename, sha256(a.content)]),
    }),
  );
  const domain = input.from?.address.split('@')[1] ?? 'openletter.invalid';
  const mail = new MailComposer({
    ...(input.from ? { from: input.from } : {}),
    to: input.to,
    subject: input.subject,
    // RFC 5322 lines end in CRLF; nodemailer keeps the body's own line ends.
    text: input.text.replace(/\r?\n/g, '\r\n'),
    date: input.date,
    messageId: `<${digest.slice(0, 32)}@${domain}>`,
    baseBoundary: digest.slice(32, 48),
    headers: { 'X-Unsent': '1' },
    attachments: input.attachments.map((a) => ({
      filename: a.filename,
      content: Buffer.from(a.content),
      contentType: 'application/pdf',
    })),
  });
  return mail.compile().build();
}
