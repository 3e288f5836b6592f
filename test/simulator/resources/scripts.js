// @ts-check
'use strict';
/**
 * POST /rmm/public_scripts/{asset_id}/schedule (newer than the cached spec): runs one script of the account on
 * one asset, now or once later. Recurring schedules are refused (422), a later run needs next_time, the answer only
 * confirms scheduling. Scheduled runs are stored in the `script_runs` table for assertions.
 */

const SCRIPTS = [
	{ id: 801, name: 'Clear print spooler', variables: [] },
	{ id: 802, name: 'Disk cleanup', variables: ['drive'] },
	{ id: 803, name: 'Restart service', variables: ['service_name'] },
];

/** @param {import('../server').Router} router @param {any} h */
function register(router, h) {
	router.on('POST', '/rmm/public_scripts/:asset_id/schedule', (req) => {
		const asset = h.db.table('assets').get(req.params.asset_id);
		if (!asset) throw h.errors.error(404, 'Asset not found');
		const b = req.body;
		const script = SCRIPTS.find((s) => String(s.id) === String(b.script_id));
		if (!script) throw h.errors.invalidMessages(['Script not found'], b);
		if (b.run_type !== 'now' && b.run_type !== 'later') throw h.errors.invalidMessages(['Run type must be now or later'], b);
		if ((b.freq ?? 'once') !== 'once') throw h.errors.invalidMessages(['Recurring schedules cannot be created through the API'], b);
		if (b.run_type === 'later' && (!b.next_time || Number.isNaN(Date.parse(b.next_time)))) throw h.errors.invalidMessages(["Next time can't be blank"], b);
		const variables = b.script_options?.runtime_variables ?? {};
		const missing = script.variables.filter((v) => variables[v] === undefined || variables[v] === '');
		if (missing.length > 0) throw h.errors.invalidMessages(missing.map((v) => `Runtime variable ${v} is required`), b);
		h.db.table('script_runs').insert({
			asset_id: asset.id, script_id: script.id, script_name: script.name, run_type: b.run_type, freq: 'once',
			next_time: b.run_type === 'later' ? b.next_time : h.now(), runtime_variables: variables, run_as: b.run_as ?? null, mav_options: b.mav_options ?? null,
		});
		return { message: 'Ok, script scheduled.' };
	});
}

module.exports = { register, SCRIPTS };
