import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';

const APP_ID = '11111111-2222-3333-4444-555555555555';

describe('configuration from the environment', () => {
  it('runs in local mode on 127.0.0.1:3978 with no app id, whatever HOST says', () => {
    expect(loadConfig({ HOST: '0.0.0.0' })).toMatchObject({ localMode: true, host: '127.0.0.1', port: 3978 });
  });

  it('listens on HOST (default 0.0.0.0) with an app id', () => {
    expect(loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret' })).toMatchObject({
      localMode: false,
      host: '0.0.0.0',
      appType: 'MultiTenant',
    });
    expect(loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's', HOST: '10.0.0.4' }).host).toBe(
      '10.0.0.4',
    );
  });

  it('treats an empty MicrosoftAppId as not set', () => {
    expect(loadConfig({ MicrosoftAppId: '' }).localMode).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, /^Configuration error: PORT: expected a port number from 0 to 65535.*\(got "abc"\)$/],
    [{ PORT: '70000' }, /^Configuration error: PORT: /],
    [{ PORT: '39.5' }, /^Configuration error: PORT: expected a whole port number/],
    [
      { MicrosoftAppId: 'not-a-guid' },
      /^Configuration error: MicrosoftAppId: expected the Azure Bot app id, a GUID/,
    ],
    [
      { MicrosoftAppType: 'Multi' },
      /^Configuration error: MicrosoftAppType: expected MultiTenant, SingleTenant or UserAssignedMSI/,
    ],
    [{ MicrosoftAppId: APP_ID }, /^Configuration error: MicrosoftAppPassword: expected the app password/],
    [
      { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x', MicrosoftAppType: 'SingleTenant' },
      /^Configuration error: MicrosoftAppTenantId: /,
    ],
    [
      { MicrosoftAppTenantId: 'tenant' },
      /^Configuration error: MicrosoftAppTenantId: expected the Microsoft Entra tenant id/,
    ],
    [{ HOST: 'not a host!' }, /^Configuration error: HOST: /],
    [{ LOCAL_CHAT: 'yes' }, /^Configuration error: LOCAL_CHAT: expected true or false \(got "yes"\)$/],
    [
      { EXPERTS_TEAM_ID: 'Safeguarding team' },
      /^Configuration error: EXPERTS_TEAM_ID: expected the safeguarding team's Teams id \("19:…@thread\.tacv2"\) or its "Get link to team" link \(got "Safeguarding team"\)$/,
    ],
    [
      { EXPERTS_TEAM_ID: 'https://teams.microsoft.com/l/channel/19%3aabc%40thread.tacv2/General' },
      /^Configuration error: EXPERTS_TEAM_ID: /,
    ],
    [
      { EXPERT_TICKET_DAYS: '0' },
      /^Configuration error: EXPERT_TICKET_DAYS: expected a whole number of days from 1 to 90/,
    ],
    [{ EXPERT_TICKET_DAYS: '2.5' }, /^Configuration error: EXPERT_TICKET_DAYS: /],
  ])('stops with one line naming the variable for %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
    try {
      loadConfig(env);
    } catch (err) {
      expect((err as Error).message).not.toContain('\n');
    }
  });

  it('never echoes the app password', () => {
    expect(() =>
      loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant' }),
    ).toThrow(/MicrosoftAppPassword/);
  });

  it('serves the local test chat in local mode only, unless LOCAL_CHAT says otherwise', () => {
    const azure = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret' };
    expect(loadConfig({}).localChat).toBe(true);
    expect(loadConfig({ LOCAL_CHAT: 'false' }).localChat).toBe(false);
    expect(loadConfig({ LOCAL_CHAT: ' FALSE ' }).localChat).toBe(false);
    expect(loadConfig(azure).localChat).toBe(false);
    expect(loadConfig({ ...azure, LOCAL_CHAT: 'true' }).localChat).toBe(true);
    expect(loadConfig({ ...azure, LOCAL_CHAT: '' }).localChat).toBe(false);
  });

  it('has no hand-off to the safeguarding team unless EXPERTS_TEAM_ID names their team', () => {
    expect(loadConfig({}).experts).toEqual({ teamId: null, ticketDays: 14 });
    expect(loadConfig({ EXPERTS_TEAM_ID: '', EXPERT_TICKET_DAYS: '' }).experts).toEqual({
      teamId: null,
      ticketDays: 14,
    });
  });

  it.each([
    ['the id itself', '19:0fa2bd2c39a84ed89c6c21f4c5e7a0b1@thread.tacv2'],
    ['the id with spaces around it', '  19:0fa2bd2c39a84ed89c6c21f4c5e7a0b1@thread.tacv2 '],
    [
      'the "Get link to team" link',
      'https://teams.microsoft.com/l/team/19%3a0fa2bd2c39a84ed89c6c21f4c5e7a0b1%40thread.tacv2/conversations?groupId=6b1f3e40-4b7d-4e57-9d2b-6d3c2f1e0a9b&tenantId=72f1c3a4-0d3e-4b6b-8f0e-5c2f6b1e9d20',
    ],
  ])('reads the safeguarding team from %s', (_what, value) => {
    expect(loadConfig({ EXPERTS_TEAM_ID: value, EXPERT_TICKET_DAYS: '7' }).experts).toEqual({
      teamId: '19:0fa2bd2c39a84ed89c6c21f4c5e7a0b1@thread.tacv2',
      ticketDays: 7,
    });
  });
});
