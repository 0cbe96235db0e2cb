/**
 * Sorts a table by the header clicked, ascending then descending: numbers as numbers in numeric columns. Written
 * in TypeScript and embedded in the page as its compiled source text (render-html.ts): it uses nothing outside
 * its own body.
 */
export function tableSortScript(): void {
  function sortKey(cell: HTMLTableCellElement, numeric: boolean): string | number {
    const text = (cell.textContent ?? '').trim();
    if (!numeric) return text.toLowerCase();
    const value = parseFloat(text.replace(/[^0-9.-]/g, ''));
    return Number.isNaN(value) ? -Infinity : value;
  }

  document.querySelectorAll<HTMLTableElement>('table.sortable').forEach((table) => {
    const heads = table.querySelectorAll<HTMLTableCellElement>('thead th');
    heads.forEach((th, column) => {
      th.querySelector('button')!.addEventListener('click', () => {
        const numeric = th.getAttribute('data-type') === 'number';
        const ascending = th.getAttribute('aria-sort') !== 'ascending';
        heads.forEach((other) => other.removeAttribute('aria-sort'));
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        const body = table.tBodies[0]!;
        const rows = [...body.rows];
        rows.sort((a, b) => {
          const x = sortKey(a.cells[column]!, numeric);
          const y = sortKey(b.cells[column]!, numeric);
          return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
        });
        body.append(...rows);
      });
    });
  });
}
