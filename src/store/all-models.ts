/**
 * Every model module, imported for its declaration: the bot prepares all of them (and their
 * unique indexes) at start-up, before the first request can race on an index that is not there.
 */
import './audit/audit-entry-model';
import './checks/reality-check-model';
import './conversations/conversation-model';
import './deadlines/deadline-model';
import './declarations/declaration-model';
import './declarations/reconfirmation-model';
import './evidence/evidence-request-model';
import './findings/finding-file-model';
import './outgoing-files/outgoing-file-model';
import './groups/group-model';
import './organisations/organisation-model';
import './people/membership-model';
import './people/person-model';
import './references';
import './reviews/review-model';
import './seats';
import './standards/standard-model';
import './inbound-ledger';
import './slack/installation-store';
import './nudges/nudge-model';
import './deliveries/delivery-model';
import './nudges/sweep-lease';
import './conduct/attendance-model';
import './conduct/conduct-event-model';
import './conduct/ballot-model';
import './versioned-update';

export { prepareModels } from './model-registry';
