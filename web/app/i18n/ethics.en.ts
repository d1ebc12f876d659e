/** Teacher-ethics UI text (English), mirroring `ethics.zh-CN.ts`. */
import type ethicsZh from './ethics.zh-CN'

const ethicsEn: typeof ethicsZh = {
  title: 'Teacher ethics',
  tabs: {
    cases: 'Cases',
    published: 'Published cases',
    types: 'Violation types',
  },
  found_one: '{{count}} case',
  found_other: '{{count}} cases',
  maskedNote: 'teachers’ names and ID numbers are partly masked in lists',
  register: 'Register a case',
  registered: 'Case {{caseNo}} registered',
  export: 'Export this view',
  publishedOn: 'Published {{date}}',
  unpublished: 'Not published',
  voided: 'This case was voided',
  field: {
    caseNo: 'Case no.',
    teacher: 'Teacher',
    teacherName: 'Teacher’s name',
    idNumber: 'ID number',
    school: 'School',
    occurredOn: 'Occurred on',
    violationType: 'Violation type',
    finding: 'Finding',
    handling: 'Handling',
    handlingDetail: 'Handling detail',
    handledOn: 'Handled on',
    published: 'Published',
    publishedOn: 'Published on',
  },
  filter: {
    searchPlaceholder: 'Case no. or finding',
    school: 'School or county (and below)',
    published: 'Published',
    unpublished: 'Not published',
    from: 'Occurred from',
    to: 'to',
    sameTeacher: 'Same teacher, by ID number',
  },
  personal: {
    masked: 'The teacher’s personal data is masked',
    audited:
      'If your work requires it you may see it in full; that view is recorded in the audit log (who, when, which case).',
    notAllowed: 'Your role may not see the teacher’s full personal data.',
    show: 'Show personal data',
    fullShown:
      'The teacher’s personal data is shown in full; this view has been recorded in the audit log. Do not screenshot or pass it on.',
    hide: 'Mask again',
  },
  documents: {
    title: 'Case documents',
    upload: 'Upload a document',
    uploadTitle: 'Upload a case document · {{caseNo}}',
    audited:
      'Case documents name the teacher: every download is recorded in the audit log (who, when, which file).',
    empty: 'No case documents yet (e.g. the decision letter, interview records)',
  },
  publish: {
    button: 'Publish',
    confirmTitle: 'Publish as a typical case?',
    confirm:
      'The published text names the teacher by surname + 某 (e.g. 张某), masks the school and never shows the ID number. Once published, every signed-in user can read it.',
    done: 'Published',
    withdrawButton: 'Withdraw',
    withdrawTitle: 'Withdraw the publication?',
    withdraw: 'The published text will no longer be offered; the case itself stays on record.',
    withdrawn: 'Publication withdrawn',
  },
  public: {
    title: 'Published text (redacted)',
    copy: 'Copy text',
    copied: 'Copied to the clipboard',
    copyFailed: 'The browser does not allow copying: select the text and copy it by hand',
    note: 'Case {{caseNo}} · published {{date}}',
    intro:
      'Typical cases published. The text is redacted by the system: the teacher as 某, the school and its region masked; ready to copy.',
    show: 'Show text',
    hide: 'Hide',
  },
  form: {
    registerTitle: 'Register a teacher-ethics case',
    editTitle: 'Edit case {{caseNo}}',
    maskedEdit:
      'This is the masked view: leave name, ID number and finding empty to keep them, or type to replace them. To edit the existing text, first “Show personal data” in the case.',
    keepMasked: 'Empty keeps the current value',
    idHint: 'Optional; finds the same teacher’s other cases; stored encrypted',
    findingHint: 'The teacher’s full name may be used: lists and the published text mask it',
    publish: 'Publish as a typical case',
    publishHint: 'The published text is redacted: the teacher as 某, the school masked',
  },
  types: {
    name: 'Violation type',
    hint: 'Violation types file the cases. A type still used by a case cannot be voided; a voided one is no longer offered.',
  },
  importing: {
    button: 'Import cases',
    template: 'Download template',
    title: 'Import teacher-ethics cases from Excel',
    hint: 'A case is recognised by its number, so a re-import does not register it twice. The teacher’s full name and ID number are needed: the exported list is masked and cannot be imported. One wrong row stops the whole import; download the error report, fix it and import again.',
    result: '{{created}} added, {{updated}} updated, {{unchanged}} unchanged',
  },
  figures: {
    cases: 'Cases',
    published: 'Published typical cases',
    yearCases: 'Cases in {{year}}',
    yearPublished: 'Published this year: {{count}}',
    byViolationType: 'Violation types',
    casesUnit: '',
    typesUnit: '',
    none: 'None',
  },
}

export default ethicsEn
