// The note of a generated draft, stored in English; pages word it in the reader's language
// (versionNote in format-staff.ts).
export const GENERATED_NOTE = 'Generated from the consultation.';
