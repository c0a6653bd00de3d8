// Products used, each with its lot, at a protocol step (TP-08), for recall by lot.

import type { Product } from '../api/chartingTypes';
import { SelectField } from '../components/Fields';
import { formatDate } from '../format';
import type { ChecklistStep } from './checklistSteps';
import type { ProductRow } from './sessionForm';

interface ProductsFieldsProps {
  rows: ProductRow[];
  products: Product[];
  steps: ChecklistStep[];
  fields: Record<string, string>;
  onChange: (rows: ProductRow[]) => void;
}

export function ProductsFields({ rows, products, steps, fields, onChange }: ProductsFieldsProps) {
  const productOptions = products.map((product) => ({
    value: String(product.id),
    label: `${product.name}, lot ${product.lot_number} (expires ${formatDate(product.expires_on)})`,
  }));
  const stepOptions = steps.map((step) => ({ value: step.step, label: step.label }));
  const replace = (index: number, row: ProductRow) => onChange(rows.map((old, at) => (at === index ? row : old)));
  return (
    <section class="card" aria-labelledby="products-heading">
      <h2 id="products-heading">Products and lots</h2>
      {fields['products'] && <p class="field-error">{fields['products']}</p>}
      {rows.length === 0 && <p class="muted">No product charted yet.</p>}
      {rows.map((row, index) => (
        <div class="product-row" key={index}>
          <SelectField label={`Product ${index + 1}`} value={row.product_id} onChange={(value) => replace(index, { ...row, product_id: value })}
            options={productOptions} placeholder="Choose…" error={fields[`products[${index}].product_id`] ?? fields[`products[${index}]`]} />
          <SelectField label={`Step for product ${index + 1}`} value={row.step} onChange={(value) => replace(index, { ...row, step: value })}
            options={stepOptions} placeholder="Choose…" error={fields[`products[${index}].step`]} />
          <button type="button" class="button secondary" onClick={() => onChange(rows.filter((_, at) => at !== index))}>
            Remove product {index + 1}
          </button>
        </div>
      ))}
      <button type="button" class="button secondary" onClick={() => onChange([...rows, { product_id: '', step: '' }])}>
        Add a product
      </button>
    </section>
  );
}
