import { describe, expect, it } from 'vitest';
import { nearestRoute, type KnownRoute } from './near-miss.js';

const routes: KnownRoute[] = [
  { provider: 'entra', name: 'graph.users.list', method: 'GET', url: 'https://graph.microsoft.com/v1.0/users' },
  { provider: 'entra', name: 'graph.groups.members', method: 'GET', url: 'https://graph.microsoft.com/v1.0/groups/:id/members' },
  { provider: 'entra', name: 'graph.groups.members.add', method: 'POST', url: 'https://graph.microsoft.com/v1.0/groups/:id/members/$ref' },
  { provider: 'google', name: 'google.users.list', method: 'GET', url: 'https://admin.googleapis.com/admin/directory/v1/users' },
];

describe('nearest simulated route', () => {
  it.each([
    ['GET', 'https://graph.microsoft.com/v1.0/group/abc/members', 'graph.groups.members'],
    ['GET', 'https://graph.microsoft.com/v1.0/groups/abc/memberz', 'graph.groups.members'],
    ['GET', 'https://graph.microsoft.com/v1.0/userz', 'graph.users.list'],
    ['POST', 'https://graph.microsoft.com/v1.0/groups/abc/members/$ref', 'graph.groups.members.add'],
    ['GET', 'https://admin.googleapis.com/admin/directory/v1/user', 'google.users.list'],
  ])('%s %s is closest to %s', (method, url, name) => {
    expect(nearestRoute({ method, url }, routes)?.name).toBe(name);
  });
});
