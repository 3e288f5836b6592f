import { isRateLimitBody, isSoftFailure, syncroErrorText } from '../../nodes/Syncro/transport/errorBodies';
import { describeHttpError } from '../../nodes/Syncro/transport/errors';

describe("Syncro's error bodies", () => {
	it.each([
		[{ success: false, message: ['Body can\'t be blank', 'Subject can\'t be blank'], params: {} }, "Body can't be blank; Subject can't be blank"],
		[{ record: { name: '' }, errors: "Name can't be blank,Email is invalid" }, "Name can't be blank,Email is invalid"],
		[{ errors: { mute_for: ['is not included in the list'] } }, 'mute for is not included in the list'],
		[{ errors: ['Invoice is already paid'] }, 'Invoice is already paid'],
		[{ error: 'Record not found' }, 'Record not found'],
		[{ message: 'Ticket not found' }, 'Ticket not found'],
		[{ errors: { base: ['Something failed'] } }, 'Something failed'],
		[{ customer_id: ["can't be blank"], date: ["can't be blank"] }, "customer id can't be blank; date can't be blank"],
	])('reads %j', (body, expected) => {
		expect(syncroErrorText(body)).toBe(expected);
	});

	it('says nothing for an empty body', () => {
		expect(syncroErrorText(undefined)).toBeUndefined();
		expect(syncroErrorText('')).toBeUndefined();
		expect(syncroErrorText({})).toBeUndefined();
	});

	it('summarises an HTML error page by its title', () => {
		const html = "<!DOCTYPE html><html><head><title>We're sorry, but something went wrong (500)</title></head><body></body></html>";
		expect(syncroErrorText(html)).toBe('an HTML error page ("We\'re sorry, but something went wrong (500)") instead of JSON');
	});

	it('recognises the rate-limit body and soft failures', () => {
		expect(isRateLimitBody('Retry later\n')).toBe(true);
		expect(isRateLimitBody('Retry later please')).toBe(false);
		expect(isSoftFailure({ success: false })).toBe(true);
		expect(isSoftFailure({ success: 'false' })).toBe(true);
		expect(isSoftFailure({ success: true })).toBe(false);
	});

	it('names the permission on 401 and 403, and tells a bad token from a missing permission', () => {
		const unauthorized = describeHttpError({ status: 401, method: 'DELETE', path: '/tickets/1', permission: 'Tickets - Delete', body: undefined });
		expect(unauthorized.message).toMatch(/rejected the API token/);
		expect(unauthorized.description).toMatch(/"Tickets - Delete"/);
		const forbidden = describeHttpError({ status: 403, method: 'DELETE', path: '/tickets/1', permission: 'Tickets - Delete', body: { error: 'Forbidden' } });
		expect(forbidden.message).toBe('The Syncro API token lacks a permission: "Tickets - Delete" (403 Forbidden)');
	});

	it('says 404 and 422 in words a technician can act on', () => {
		expect(describeHttpError({ status: 404, method: 'GET', path: '/tickets/9', body: undefined }).message).toBe('Syncro found no such record (404)');
		expect(describeHttpError({ status: 422, method: 'POST', path: '/tickets', body: { errors: { subject: ["can't be blank"] } } }).message).toBe(
			"Syncro refused the request (422): subject can't be blank",
		);
	});
});
