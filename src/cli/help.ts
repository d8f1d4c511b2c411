// What `convene --help` prints: kept apart from the commands so that it answers without loading them.
export const HELP = `Usage: convene <command> [options]

Commands:
  migrate              Apply the database migrations and load the reference data
  seed --demo          Fill an empty database with the fictional demo network and review process
  serve [--port N] [--demo] [--no-worker]
                       Start the web server (default port 3000; migrates at start; --demo seeds the
                       fictional demo into an empty database). It also works the background jobs
                       (mail delivery, selection runs, reminders) unless --no-worker
  worker               Work the background jobs without serving pages (PostgreSQL: run any number
                       of servers and workers on one database; stop with SIGTERM)
  import people FILE [--dry-run]
                       Import people and their organizations from a .csv or .xlsx file: every
                       problem row is listed with its reason and nothing is imported (exit 1)
  report render --consultation SLUG --format docx|pdf|html|md --out FILE [--draft]
                       Render the latest version of the consultation's summary report, or with
                       --draft a fresh draft (not saved), with what the privacy core finds in it
  report import --consultation SLUG FILE [--refuse-tracked-changes] [--note TEXT] [--dry-run]
                       Read a DOCX of the report edited in Word (or LibreOffice) and save it as the
                       next version: lists what changed, tracked changes (accepted as shown, or the
                       file refused with them listed), Word comments and privacy findings. Refused
                       (exit 1) when the file is another report's or a newer version was saved
  backup --out FILE    Write every row of the database to FILE (plain SQL), from one consistent
                       moment; with the embedded database in use, the running server writes it
  restore FILE [--replace]
                       Load a backup into an empty database (the schema is applied first); refuses
                       a database that holds data unless --replace, and a backup of another schema
  send-reminders       Send the reminders due before meetings (the server also does this every 15 minutes)
  export people --format csv|xlsx --out FILE [--q TEXT] [--category ID] [--country CODE]
                       Export the directory (formula-like cells are neutralized)
  select --categories FILE --respondents FILE --panel-size K [--group-by COLUMN] [--seed S] [--json]
                       Fair selection (LEXIMIN) from the files of sortition tools: categories.csv
                       (category,feature,min,max) and respondents.csv (one column per category);
                       at most one person per --group-by value. No database needed. Exit 1 when
                       no panel satisfies the quotas, with the conflicting quotas
  privacy check --attendees FILE [--k N] [--json] FILE...
                       Check texts (.txt, .md, .html, .docx) under the Chatham House Rule against
                       an attendees CSV (name,email,organization,country,category,gender,attribution):
                       names, emails and phones of non-attributable attendees and descriptions of a
                       speaker that fit fewer than k attendees (default 3) block (exit 1);
                       their organizations warn. No database needed
  attendance parse FILE [--time-zone ZONE] [--json]
                       Read a Zoom meeting participant or webinar attendee report (.csv or .xlsx)
                       into one row per person (rejoins summed); Zoom's local times are read in
                       ZONE (default UTC). No database needed
  attendance import --consultation SLUG FILE
                       Import a Zoom report as the consultation's attendance (replacing the last
                       import), matched to registrants by email then name; lists who is unmatched

Options:
  -h, --help           Show this help

Environment:
  DATABASE_URL         PostgreSQL connection URL; when unset, the embedded database is used
  CONVENE_DATA_DIR     Data directory of the embedded database (default ./data)
  CONVENE_ADMIN_PASSWORD  Password of the first admin account (generated when unset)
  ORIGIN, PORT, HOST, BETTER_AUTH_SECRET  see README.md
`;
