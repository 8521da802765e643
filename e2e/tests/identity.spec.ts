// Issue 2's proof of the trust chain: sign in through the edge's own page as each demo user (no
// reused session) and see, in French, who the BFF says you are and what you may do.
import { capabilitiesFor } from '../../packages/capabilities/src/index';
import fr from '../../apps/ops/src/i18n/fr-CA';
import { DEMO_USERS } from '../../apps/standin/src/edge/demo-users';
import { expect, signInThroughEdge, test } from '../fixtures/auth';
import { ProfilePage } from '../pages/ProfilePage';
import { ShellPage } from '../pages/ShellPage';

const GROUP_LABEL: Record<string, string> = {
  'ops-admin': fr.groups.admin,
  'ops-dispatch': fr.groups.dispatch,
  'ops-support': fr.groups.support,
  'ops-tech': fr.groups.tech,
};

const capabilityLabel = (cap: string) => {
  const [area, action] = cap.split('.') as [keyof typeof fr.capabilities, string];
  return (fr.capabilities[area] as Record<string, string>)[action];
};

for (const user of DEMO_USERS) {
  test(`${user.email} signs in through the edge and sees name, groups and capabilities`, async ({ page }) => {
    await signInThroughEdge(page, user);
    const shell = new ShellPage(page);
    await shell.waitReady();
    await expect(shell.userName()).toHaveText(user.name);

    await shell.openProfileFromMenu();
    const profile = new ProfilePage(page);
    await profile.expectLoaded();
    await expect(profile.name()).toHaveText(user.name);
    await expect(profile.email()).toHaveText(user.email);
    expect(await profile.groups()).toEqual(user.groups.map((g) => GROUP_LABEL[g]));

    const expected = capabilitiesFor(user.groups);
    expect(expected.length).toBeGreaterThan(0);
    expect(await profile.capabilities()).toEqual(expected.map((code) => ({ code, label: capabilityLabel(code) })));
  });
}
