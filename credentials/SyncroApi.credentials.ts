import type {
	IAuthenticateGeneric,
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/**
 * The API root computed from the credential, as an n8n expression (the connection test runs it).
 * It mirrors `resolveConnection()` in nodes/Syncro/transport/baseUrl.ts; a test keeps the two in step.
 * A subdomain that is not a bare DNS label is sent to a reserved `.invalid` host, so the token can never
 * reach a host the user did not mean.
 */
export const SYNCRO_BASE_URL_EXPRESSION =
	'={{ (() => {' +
	" const override = String($credentials.baseUrl || '').trim();" +
	" if (override) { const root = override.replace(/\\/+$/, ''); return /\\/api\\/v1$/.test(root) ? root : root + '/api/v1'; }" +
	" const host = String($credentials.subdomain || '').trim().toLowerCase().replace(/^https?:\\/\\//, '').replace(/\\/+$/, '').replace(/\\.syncromsp\\.com\\.?$/, '');" +
	" return /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(host) ? 'https://' + host + '.syncromsp.com/api/v1' : 'https://invalid-subdomain.invalid/api/v1';" +
	' })() }}';

export class SyncroApi implements ICredentialType {
	name = 'syncroApi';

	displayName = 'Syncro API';

	icon: Icon = { light: 'file:../icons/syncro.svg', dark: 'file:../icons/syncro.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-syncro/n8n-nodes-syncro#credential-syncro-api';

	properties: INodeProperties[] = [
		{
			displayName: 'Subdomain',
			name: 'subdomain',
			type: 'string',
			default: '',
			placeholder: 'acme',
			description:
				'Your Syncro subdomain: for https://acme.syncromsp.com enter "acme". The full address is accepted too.',
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Create it in Syncro under Admin > API > API Tokens with Custom Permissions. The token acts with the permissions you tick, within those of the user who creates it, and stops working if that user is removed.',
		},
		{
			displayName: 'Requests per Minute',
			name: 'requestsPerMinute',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 180 },
			default: 180,
			description:
				'Client-side limit for all Syncro requests of this n8n process. Syncro allows 180 per minute per IP address: when several n8n instances or other tools share one IP, divide 180 between them.',
		},
		{
			displayName: 'Request Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 60,
			description: 'How long to wait for Syncro to answer one request',
		},
		{
			displayName: 'Base URL Override',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:4010/api/v1',
			description:
				'Leave empty for Syncro cloud. Set it only for the local Syncro simulator or a custom domain; "/api/v1" is added when missing. When set, the subdomain is ignored.',
		},
		{
			displayName: 'Rate Limit Window (Ms)',
			name: 'rateLimitWindowMs',
			type: 'hidden',
			default: 60000,
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiToken}}',
			},
		},
	};

	/**
	 * GET /me. A wrong token answers 401; a wrong subdomain answers 404 or, on Syncro's cloud, redirects to a
	 * web page (200 without a user): the last rule turns that into an error instead of a false success.
	 * (n8n versions that keep the HTTP status of a failed test request show the `responseCode` messages; the
	 * others show their own "Authorization failed" / "could not be found" texts, which still differ.)
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: SYNCRO_BASE_URL_EXPRESSION,
			url: '/me',
			method: 'GET',
		},
		// n8n checks the rules in order and accepts both kinds in one list; its type allows one kind only.
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Syncro rejected the API token (401). The subdomain is right; check the token (Admin > API > API Tokens): it may be mistyped, expired, or its user removed.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The API token was accepted but may not read the current user (403). Edit the token in Syncro and check its permissions.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No Syncro API answered at this address (404). Check the subdomain: it is the part before ".syncromsp.com" in the address you log in at.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'user_id',
					value: undefined,
					message:
						'The address answered, but not as the Syncro API (no user in the reply to /me). Check the subdomain or the Base URL Override.',
				},
			},
		] as Array<IAuthenticateRuleResponseCode | IAuthenticateRuleResponseSuccessBody> as IAuthenticateRuleResponseCode[],
	};
}
