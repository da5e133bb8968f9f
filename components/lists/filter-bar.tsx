import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select, type SelectOption } from "@/components/ui/select";

export type FilterSelect = {
  /** Query-string name and element id. */
  name: string;
  /** Screen-reader label (the first option says what "no filter" means to everyone else). */
  label: string;
  defaultValue: string | undefined;
  options: SelectOption[];
  className?: string;
};

/**
 * The filter bar of the list pages: an optional search box and selects, submitted as a GET form so the filters live
 * in the URL (shareable, back-button safe, parsed by the page's schema in lib/schemas/list-params.ts). Every field
 * has a label for screen readers.
 */
export function FilterBar({
  search,
  selects,
}: {
  search?: { label: string; placeholder: string; defaultValue: string | undefined };
  selects: FilterSelect[];
}) {
  return (
    <form className="mb-4 flex flex-wrap items-end gap-2" role="search">
      {search ? (
        <>
          <label className="sr-only" htmlFor="q">
            {search.label}
          </label>
          <Input
            id="q"
            name="q"
            defaultValue={search.defaultValue ?? ""}
            placeholder={search.placeholder}
            className="max-w-xs"
          />
        </>
      ) : null}
      {selects.map((s) => (
        <FilterSelectField key={s.name} {...s} />
      ))}
      <Button type="submit" variant="secondary">
        Filter
      </Button>
    </form>
  );
}

function FilterSelectField({ name, label, defaultValue, options, className }: FilterSelect) {
  return (
    <>
      <label className="sr-only" htmlFor={name}>
        {label}
      </label>
      <Select
        id={name}
        name={name}
        defaultValue={defaultValue ?? ""}
        className={className ?? "w-40"}
        options={options}
      />
    </>
  );
}
