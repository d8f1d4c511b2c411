import { describe, expect, it } from 'vitest';
import { screenFormPost, stripControl } from './refusals';

const post = (type: string, body: BodyInit) => new Request('http://127.0.0.1/practices/new', { method: 'POST', headers: { 'content-type': type, origin: 'http://127.0.0.1' }, body });

describe('form posts screened before their action', () => {
	it('takes control characters out of every text field (NUL cannot be stored) and keeps the rest as sent', async () => {
		const screened = await screenFormPost(post('application/x-www-form-urlencoded', 'name=Ana%00%07Lima&summary=line+one%0D%0Aline+two%09tab&objectiveIds=gcm-6&objectiveIds=gcm-7'), 'en');
		if (!('request' in screened)) throw new Error('refused');
		const form = await screened.request.formData();
		expect(form.get('name')).toBe('AnaLima');
		expect(form.get('summary')).toBe('line one\r\nline two\ttab');
		expect(form.getAll('objectiveIds')).toEqual(['gcm-6', 'gcm-7']);
		expect(screened.request.headers.get('origin')).toBe('http://127.0.0.1');
		expect(stripControl('a\u0000b\u001Fc\u007Fd\u0085e')).toBe('abcde');
	});

	it('cleans a file name as well (NUL in a name cannot be stored)', async () => {
		const body = new FormData();
		body.append('title', 'Programme');
		body.append('file', new File(['content'], 'pro\u0000gramme.pdf', { type: 'application/pdf' }));
		const screened = await screenFormPost(new Request('http://127.0.0.1/x', { method: 'POST', body }), 'en');
		if (!('request' in screened)) throw new Error('refused');
		const file = (await screened.request.formData()).get('file') as File;
		expect(file.name).toBe('programme.pdf');
		expect(file.type).toBe('application/pdf');
		expect(await file.text()).toBe('content');
	});

	it('passes a clean form through untouched, files included', async () => {
		const body = new FormData();
		body.append('title', 'Programme');
		body.append('file', new File(['x\u0000y'], 'p.txt', { type: 'text/plain' }));
		const original = new Request('http://127.0.0.1/x', { method: 'POST', body });
		const screened = await screenFormPost(original, 'en');
		expect('request' in screened && screened.request).toBe(original);
	});

	it('hands a clean form on as sent, read once (its headers kept, raw invalid UTF-8 read as the action would)', async () => {
		const bytes = Buffer.concat([Buffer.from('name=Ana+Lima&note=caf%C3%A9&bad='), Buffer.from([0xff, 0xfe]), Buffer.from('&ids=a&ids=b')]);
		const original = new Request('http://127.0.0.1/consultations/x/register?/register', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-sveltekit-action': 'true', 'content-length': String(bytes.length) }, body: bytes });
		const expected = await original.clone().formData();
		const screened = await screenFormPost(original, 'en');
		if (!('request' in screened)) throw new Error('refused');
		expect(screened.request.url).toBe(original.url);
		expect(screened.request.headers.get('x-sveltekit-action')).toBe('true');
		expect([...(await screened.request.formData())]).toEqual([...expected]);
		expect(expected.get('note')).toBe('café');
		expect(expected.get('bad')).toBe('\uFFFD\uFFFD');
	});

	it('answers another content type with 415 and a malformed body with 400, in the reader’s language', async () => {
		const wrong = await screenFormPost(post('text/plain', 'name=Ana'), 'en');
		expect('refused' in wrong && wrong.refused.status).toBe(415);
		const malformed = await screenFormPost(post('multipart/form-data; boundary=XYZ', '--XYZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--XY'), 'en');
		expect('refused' in malformed && malformed.refused.status).toBe(400);
		expect('refused' in malformed && (await malformed.refused.text())).toContain('The form could not be read');
	});
});
