// The reads public pages serve from memory (read-cache.ts), each with the tables it touches: a write
// to any of them drops it. read-cache.spec.ts runs every read here and checks that the tables its
// queries name are the ones listed, and that each carries the change trigger.
import type { Executor } from '../db';
import type { ReadCache } from '../read-cache';
import { getPublishedConceptNote, getPublishedConsultation, listPublishedConsultations, listReviewProcesses, processSlugOf } from './consultations';
import { listOrganizationChoices, loadReferenceOptions } from './directory-options';
import { publishedVersion, publishedVersions } from './report-versions';

export interface CachedRead<A extends unknown[], T> {
	(cache: ReadCache, db: Executor, ...args: A): Promise<T>;
	readonly cacheName: string;
	readonly tables: readonly string[];
	readonly read: (db: Executor, ...args: A) => Promise<T>;
}

function cachedRead<A extends unknown[], T>(cacheName: string, tables: readonly string[], read: (db: Executor, ...args: A) => Promise<T>): CachedRead<A, T> {
	const run = (cache: ReadCache, db: Executor, ...args: A) => cache.get(`${cacheName}:${JSON.stringify(args)}`, tables, () => read(db, ...args));
	return Object.assign(run, { cacheName, tables, read });
}

const CONCEPT_NOTE_TABLES = ['consultation', 'consultation_objective', 'objective', 'organizing_team_member', 'organization', 'agenda_item', 'agenda_speaker', 'person', 'guiding_question', 'document'];

export const cachedPublishedConsultations = cachedRead('published-consultations', ['consultation'], listPublishedConsultations);
export const cachedReviewProcesses = cachedRead('review-processes', ['review_process'], listReviewProcesses);
export const cachedPublishedConsultation = cachedRead('published-consultation', ['consultation'], getPublishedConsultation);
export const cachedConceptNote = cachedRead('concept-note', CONCEPT_NOTE_TABLES, getPublishedConceptNote);
export const cachedProcessSlug = cachedRead('process-slug', ['review_process'], processSlugOf);
// Kept apart: a registration that proposes a new organization drops the list of organizations, not
// the countries and groups every form shows.
export const cachedReferenceOptions = cachedRead('reference-options', ['country', 'stakeholder_category'], loadReferenceOptions);
export const cachedOrganizationChoices = cachedRead('organization-choices', ['organization'], listOrganizationChoices);
export const cachedPublishedVersion = cachedRead('published-version', ['report_version', 'report', 'paragraph', 'footnote', 'consultation'], publishedVersion);
export const cachedPublishedVersions = cachedRead('published-versions', ['report_version', 'report', 'consultation'], publishedVersions);

/** Every cached read, for the spec that checks their tables. */
export const CACHED_READS = [
	cachedPublishedConsultations,
	cachedReviewProcesses,
	cachedPublishedConsultation,
	cachedConceptNote,
	cachedProcessSlug,
	cachedReferenceOptions,
	cachedOrganizationChoices,
	cachedPublishedVersion,
	cachedPublishedVersions
] as const;
