// `_assign` is Frappe's JSON list of assignees' e-mails (todo.py update_in_reference); anything
// else reads as nobody.
export function assigneesOf(assign: string | null | undefined): string[] {
  if (!assign) return [];
  try {
    const list: unknown = JSON.parse(assign);
    return Array.isArray(list) ? list.filter((u): u is string => typeof u === 'string' && u !== '') : [];
  } catch {
    return [];
  }
}
