export * from './complaint-months.document';
export * from './category-month-report';
export {
  complaintsByCategoryMonth,
  complaintMonthsDocumentId,
  evolveComplaintMonths,
  monthOf,
  COMPLAINTS_BY_CATEGORY_MONTH_EVENT_TYPES,
  COMPLAINTS_BY_CATEGORY_MONTH_FIELDS,
  COMPLAINTS_BY_CATEGORY_MONTH_NAME,
  COMPLAINTS_BY_CATEGORY_MONTH_VERSION,
} from './definition';
