/** Set on the first frame that shows a match's name; `npm run bench` times the pop by it. */
export const NAME_SHOWN_MARK = 'callpop:name-shown';
