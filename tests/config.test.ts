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
});
