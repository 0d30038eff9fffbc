import { baseUrl, DEMO_PASSWORD } from './app';

/**
 * Steps taken through the HTTP API (Bearer token, as docs/lifecycle-demo.sh does) to bring proposals to the state a
 * browser test starts from, without clicking through every earlier screen.
 */
export interface ProposalState {
  id: string;
  state: string;
  version: number;
  dueAt: string | null;
}

export class ApiUser {
  private constructor(
    readonly username: string,
    private readonly token: string,
  ) {}

  static async signIn(username: string): Promise<ApiUser> {
    const res = await fetch(`${baseUrl()}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    const { accessToken } = (await res.json()) as { accessToken: string };
    return new ApiUser(username, accessToken);
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${this.username} ${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  get<T>(path: string): Promise<T> {
    return this.call<T>('GET', path);
  }

  /** Sends a lifecycle event at the proposal's current version. */
  async send(id: string, type: string, payload: Record<string, unknown> = {}): Promise<ProposalState> {
    const { version } = await this.get<ProposalState>(`/api/proposals/${id}`);
    return this.call<ProposalState>('POST', `/api/proposals/${id}/events`, { type, expectedVersion: version, ...payload });
  }
}

/** The demo people a proposal passes through, signed in once. */
export interface Cast {
  delegate01: ApiUser;
  delegate02: ApiUser;
  delegate03: ApiUser;
  committee: ApiUser;
  handler: ApiUser;
  head: ApiUser;
}

export async function signInCast(): Promise<Cast> {
  const names = ['delegate01', 'delegate02', 'delegate03', 'committee1', 'jwc.handler', 'jwc.head'];
  const [delegate01, delegate02, delegate03, committee, handler, head] = await Promise.all(names.map((n) => ApiUser.signIn(n)));
  return { delegate01, delegate02, delegate03, committee, handler, head };
}

/** A proposal by delegate01, co-signed by delegate02 and delegate03, accepted, classified and assigned to 教务处. */
export async function proposalInHandling(cast: Cast, title: string): Promise<string> {
  const session = await cast.delegate01.get<{ id: string }>('/api/sessions/current');
  const categories = await cast.delegate01.get<{ id: string }[]>('/api/categories');
  const departments = await cast.delegate01.get<{ id: string; code: string }[]>('/api/departments');
  const directory = await cast.delegate01.get<{ items: { id: string; username: string }[] }>('/api/users?role=delegate&pageSize=100');
  const cosignerIds = directory.items.filter((u) => u.username === 'delegate02' || u.username === 'delegate03').map((u) => u.id);
  const { id } = await cast.delegate01.call<ProposalState>('POST', '/api/proposals', {
    sessionId: session.id,
    title,
    background: '近年来学校教职工人数持续增加，相关服务的供给没有跟上，教职工反映强烈，希望学校统筹研究，尽快拿出切实可行的改进办法。',
    suggestions: '一、摸清需求并公开现状；二、制定改进方案和时间表；三、建立教职工参与的监督机制，定期通报进展。',
    cosignerIds,
  });
  await cast.delegate01.send(id, 'SUBMIT');
  await cast.delegate02.send(id, 'COSIGN');
  await cast.delegate03.send(id, 'COSIGN');
  await cast.committee.send(id, 'ACCEPT');
  await cast.committee.send(id, 'CLASSIFY', { categoryId: categories[0].id });
  await cast.committee.send(id, 'ASSIGN', { leadDepartmentId: departments.find((d) => d.code === 'jwc')?.id });
  return id;
}
