import type { SmsMessagesRepo } from '@visita/core';
import type { Queryable } from '../db';

export function smsMessagesRepo(q: Queryable): SmsMessagesRepo {
  return {
    async insertQueuedMessage(message) {
      const [row] = await q.query<{ id: number }>(
        `INSERT INTO sms_messages(phone, body, provider, status, created_at)
         VALUES ($1, $2, $3, 'queued', $4) RETURNING id`,
        [message.phone, message.body, message.provider, message.at],
      );
      return row!.id;
    },
    async markMessageSent(id, providerMessageId, at) {
      await q.query(
        `UPDATE sms_messages SET status = 'sent', provider_message_id = $2, sent_at = $3 WHERE id = $1`,
        [id, providerMessageId, at],
      );
    },
    async markMessageFailed(id, error) {
      await q.query(`UPDATE sms_messages SET status = 'failed', error = $2 WHERE id = $1`, [
        id,
        error,
      ]);
    },
  };
}
