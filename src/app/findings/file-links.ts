import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How long a link to a findings file works. A card is read when it arrives; a link that works
 * for an hour is enough to open it then, and one forwarded or left in a browser's history soon
 * stops working. A later card mints new links.
 */
export const FILE_LINK_LIFETIME_MS = 60 * 60 * 1000;

export type LinkCheck =
  { ok: true; personId: string } | { ok: false; reason: 'bad-signature' | 'expired' };

/**
 * Signed links to findings files, one per viewer: the signature covers the file, the person it
 * was made for and when it expires, so a link cannot be moved to another file, another person
 * or a later time. Who the link names is checked again against the findings when it is opened.
 */
export class FileLinks {
  constructor(
    private readonly secret: string,
    /** Where people's browsers reach the bot (PUBLIC_URL, or the address it listens on). */
    private readonly baseUrl: () => string,
  ) {}

  linkFor(fileId: string, personId: string, now: Date): string {
    const exp = Math.floor((now.getTime() + FILE_LINK_LIFETIME_MS) / 1000);
    const query = new URLSearchParams({
      p: personId,
      exp: String(exp),
      sig: this.sign(fileId, personId, exp),
    });
    return `${this.baseUrl().replace(/\/$/, '')}/files/${encodeURIComponent(fileId)}?${query}`;
  }

  check(fileId: string, link: { p?: string; exp?: string; sig?: string }, now: Date): LinkCheck {
    const { p, exp, sig } = link;
    if (!p || !exp || !sig || !/^\d{1,12}$/.test(exp) || !/^[0-9a-f]{64}$/.test(sig))
      return { ok: false, reason: 'bad-signature' };
    const expected = Buffer.from(this.sign(fileId, p, Number(exp)), 'hex');
    if (!timingSafeEqual(expected, Buffer.from(sig, 'hex')))
      return { ok: false, reason: 'bad-signature' };
    if (Number(exp) * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
    return { ok: true, personId: p };
  }

  private sign(fileId: string, personId: string, exp: number): string {
    // Newline-separated: none of the three can hold one, so no two triples sign the same text.
    return createHmac('sha256', this.secret)
      .update(`finding-file\n${fileId}\n${personId}\n${exp}`)
      .digest('hex');
  }
}
