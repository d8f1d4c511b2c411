// The OpenAPI 3.1 description of the open data (/api/v1). A test walks src/routes/api/v1 and
// checks that every endpoint is described here, and that each answer has the required fields.

const str = { type: 'string' } as const;
const nullableStr = { type: ['string', 'null'] } as const;
const int = { type: 'integer' } as const;
const slug = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: str });
const ok = (schema: object, description: string) => ({ '200': { description, content: { 'application/json': { schema } } }, '404': { description: 'Nothing public has this address' } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export function openApiDocument(origin: string) {
	return {
		openapi: '3.1.0',
		info: {
			title: 'Convene open data',
			version: '1.0.0',
			description:
				'Read-only JSON of what the network has published: consultations, attendance statistics (groups under the consultation\u2019s k merged into one “other groups” line, never named), published summary reports, tracked recommendations and good practices. Nothing here names a participant protected by the Chatham House Rule.'
		},
		servers: [{ url: `${origin}/api/v1` }],
		paths: {
			'/': { get: { summary: 'Index of the endpoints', responses: ok({ type: 'object', required: ['openapi', 'consultations', 'reports', 'practices'] }, 'Links') } },
			'/openapi.json': { get: { summary: 'This document', responses: ok({ type: 'object', required: ['openapi', 'paths'] }, 'OpenAPI 3.1') } },
			'/consultations': {
				get: { summary: 'Published consultations', responses: ok({ type: 'object', required: ['consultations'], properties: { consultations: { type: 'array', items: ref('ConsultationSummary') } } }, 'The list') }
			},
			'/consultations/{slug}': {
				get: { summary: 'One consultation: concept note, agenda with on-record speakers, documents', parameters: [slug('slug', 'The consultation')], responses: ok(ref('Consultation'), 'The consultation') }
			},
			'/consultations/{slug}/statistics': {
				get: { summary: 'Attendance statistics, groups under k merged into "other groups"', parameters: [slug('slug', 'The consultation')], responses: ok(ref('Statistics'), 'Counts by category, country, subregion and gender') }
			},
			'/reports': { get: { summary: 'Published summary reports', responses: ok({ type: 'object', required: ['reports'], properties: { reports: { type: 'array', items: ref('ReportSummary') } } }, 'The list') } },
			'/reports/{slug}': { get: { summary: 'The latest published version of a report, block by block', parameters: [slug('slug', 'The report')], responses: ok(ref('Report'), 'The report') } },
			'/processes/{slug}/recommendations': {
				get: {
					summary: 'The recommendations of a review process, with status and follow-up log',
					parameters: [slug('slug', 'The review process'), { name: 'status', in: 'query', required: false, schema: { type: 'string', enum: ['open', 'in-progress', 'implemented', 'no-action'] } }],
					responses: ok({ type: 'object', required: ['process', 'recommendations'], properties: { recommendations: { type: 'array', items: ref('Recommendation') } } }, 'The tracker')
				}
			},
			'/practices': {
				get: {
					summary: 'Published good practices, searched by words and filtered',
					parameters: [
						{ name: 'q', in: 'query', required: false, description: 'Words to search (English stemming)', schema: str },
						{ name: 'objective', in: 'query', required: false, description: 'Objective id, e.g. gcm-6', schema: str },
						{ name: 'subregion', in: 'query', required: false, schema: str },
						{ name: 'country', in: 'query', required: false, description: 'ISO 3166-1 alpha-2', schema: str },
						{ name: 'category', in: 'query', required: false, schema: str },
						{ name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 50, default: 20 } },
						{ name: 'offset', in: 'query', required: false, schema: { type: 'integer', minimum: 0, default: 0 } }
					],
					responses: ok({ type: 'object', required: ['total', 'practices'], properties: { total: int, practices: { type: 'array', items: ref('Practice') } } }, 'A page of results')
				}
			}
		},
		components: {
			schemas: {
				ConsultationSummary: {
					type: 'object',
					required: ['slug', 'title', 'startsAt', 'endsAt', 'timeZone', 'format', 'url', 'statistics'],
					properties: { slug: str, title: str, process: nullableStr, startsAt: { type: 'string', format: 'date-time' }, endsAt: { type: 'string', format: 'date-time' }, timeZone: str, format: str, registrationClosesAt: nullableStr, url: str, statistics: str }
				},
				Consultation: {
					type: 'object',
					required: ['slug', 'title', 'startsAt', 'endsAt', 'timeZone', 'objectives', 'agenda', 'documents', 'url'],
					properties: { slug: str, title: str, theme: nullableStr, objectives: { type: 'array' }, agenda: { type: 'array' }, documents: { type: 'array' } }
				},
				Statistics: {
					type: 'object',
					required: ['consultation', 'k', 'attended', 'byCategory', 'byCountry', 'bySubregion', 'byGender', 'sentences'],
					properties: { k: int, attended: { type: 'string', description: 'A number, or "<k"' } }
				},
				ReportSummary: { type: 'object', required: ['slug', 'title', 'consultation', 'number', 'publishedAt', 'url', 'json'], properties: { slug: str, title: str, number: int } },
				Report: {
					type: 'object',
					required: ['slug', 'title', 'version', 'publishedAt', 'blocks', 'downloads'],
					properties: { blocks: { type: 'array', description: 'Headings, numbered paragraphs, lettered items (recommendations flagged), annex rows; footnotes numbered through the document' } }
				},
				Recommendation: {
					type: 'object',
					required: ['id', 'consultation', 'reference', 'text', 'addressees', 'objectives', 'status', 'followUps', 'url'],
					properties: { status: { type: 'string', enum: ['open', 'in-progress', 'implemented', 'no-action'] }, followUps: { type: 'array' } }
				},
				Practice: { type: 'object', required: ['id', 'title', 'summary', 'url'], properties: { id: str, title: str, summary: str, country: nullableStr, subregion: nullableStr, category: nullableStr, url: str } }
			}
		}
	};
}
