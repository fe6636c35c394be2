/** The id format of customers, purchases, complaints, campaigns, opportunities (see @crm/domain requireId). */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const ID_MESSAGE = '$property must be 1-64 characters of A-Z, a-z, 0-9, _ or -';
