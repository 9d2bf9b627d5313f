/** What a created contact's confirmation says: the kind of record made, with the real connectors. */
import { beforeAll, describe, expect, it } from 'vitest';
import { insightly } from '@/connectors/insightly';
import { pipedrive } from '@/connectors/pipedrive';
import type { InsightlyEmulator } from '../../../../e2e/emulators/insightly.ts';
import type { PipedriveEmulator } from '../../../../e2e/emulators/pipedrive.ts';
import { createContact } from './create';
import { connectInsightly, connectPipedrive, depsFor, emulatedCrms } from '@/test/engine-crms';

const crms = emulatedCrms();
let pd: PipedriveEmulator;
let is: InsightlyEmulator;
beforeAll(() => {
  ({ pd, is } = crms);
});

const create = (requestId: string, newContactType: string) => ({
  requestId,
  phoneNumber: '+14155550777',
  newContactName: 'Walk-in Caller',
  newContactType,
});

describe('the confirmation of a created contact', () => {
  it('names an Insightly lead a lead, and a contact a contact', async () => {
    await connectInsightly(is);
    const deps = depsFor(insightly);
    const lead = await createContact(create('create-msg-01', 'Lead'), deps);
    expect(lead.returnMessage).toEqual({
      message: 'Lead created.',
      messageType: 'success',
      ttl: 3000,
    });
    const contact = await createContact(create('create-msg-02', 'Contact'), deps);
    expect(contact.returnMessage?.message).toBe('Contact created.');
  });

  it('says "Contact created." for a CRM with one kind of contact', async () => {
    await connectPipedrive(pd);
    const person = await createContact(create('create-msg-03', 'person'), depsFor(pipedrive));
    expect(person.returnMessage?.message).toBe('Contact created.');
  });
});
