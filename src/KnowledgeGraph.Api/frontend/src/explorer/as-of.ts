// The "as of" slider: a year from `first` to the last one, then "now" (no date).
const debounceMs = 200;

export class AsOfSlider {
  private timer: number | undefined;
  private readonly nowValue: number;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly output: HTMLOutputElement,
    private readonly changed: (asOf: string | null) => void,
  ) {
    this.nowValue = Number(input.max);
    input.addEventListener('input', () => {
      const asOf = this.fromSlider();
      this.show(asOf);
      window.clearTimeout(this.timer);
      this.timer = window.setTimeout(() => changed(asOf), debounceMs);
    });
  }

  /** Shows a date given from elsewhere (the URL), which may be finer than a year, without reporting a change. */
  set(asOf: string | null): void {
    const year = asOf ? Math.min(Math.max(Number(asOf.slice(0, 4)), Number(this.input.min)), this.nowValue - 1) : this.nowValue;
    this.input.value = String(year);
    this.show(asOf);
  }

  private fromSlider(): string | null {
    const value = Number(this.input.value);
    return value >= this.nowValue ? null : String(value);
  }

  private show(asOf: string | null): void {
    const text = asOf ?? 'now';
    this.output.value = text;
    this.input.setAttribute('aria-valuetext', asOf ? `as of ${asOf}` : 'now');
  }
}
