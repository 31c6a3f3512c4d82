import type { Checklist } from '../checklist';
import { question } from '../checklist';

/**
 * Torus Liverpool local offers (Q3): "During opening hours, we aim to acknowledge emails sent
 * to the Customer Hub within 4 hours. To be verified by tenant inspectors, customer service
 * inspection Aug 2021."
 */
export const testEmail: Checklist = {
  kind: 'test-email',
  title: 'Test email to the Customer Hub',
  brief:
    'Send the email in your brief to the Customer Hub during opening hours (Monday to Friday, ' +
    '8am to 5pm) and note the exact time you sent it. Record when the acknowledgement and the ' +
    'full reply arrive. The local offer is an acknowledgement within 4 hours during opening ' +
    'hours. Never name the member of staff who replied in your findings.',
  sources: [
    'Torus Liverpool local offers Q3: acknowledge emails sent to the Customer Hub within 4 hours during opening hours',
  ],
  questions: [
    question('tem-sent-at', 'text', 'What day and time did you send the email?'),
    question('tem-acknowledged', 'yes-no', 'Did you receive an acknowledgement?'),
    question(
      'tem-within-4-hours',
      'yes-no',
      'Did the acknowledgement arrive within 4 opening hours of sending?',
    ),
    question(
      'tem-hours-to-acknowledge',
      'number',
      'How many opening hours did the acknowledgement take?',
      false,
    ),
    question(
      'tem-next-steps',
      'yes-no',
      'Did the acknowledgement say what will happen next and when?',
      false,
    ),
    question('tem-full-reply', 'yes-no', 'Did you receive a full reply to your question?'),
    question(
      'tem-clarity',
      'rating',
      'How clear and easy to understand was the reply (1 very poor to 5 very good)?',
      false,
    ),
  ],
};
