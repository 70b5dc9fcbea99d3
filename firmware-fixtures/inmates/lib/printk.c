/*
 * printf subset for inmates: %c %s %d %i %u %x %p %%, an optional '0' or '-'
 * flag, a decimal or '*' width, and the l / ll length modifiers. %p prints "0x"
 * and 16 hex digits, like Jailhouse's inmate printk.
 */
#include "inmate.h"

struct spec {
	bool left;
	char pad;
	unsigned int width;
};

static void emit_padded(const struct spec *sp, const char *text, unsigned int len)
{
	unsigned int fill = sp->width > len ? sp->width - len : 0;

	if (!sp->left) {
		/* Zero padding goes after the sign, as in C's printf. */
		if (sp->pad == '0' && len && *text == '-') {
			console_putc(*text++);
			len--;
		}
		while (fill--)
			console_putc(sp->pad);
	}
	while (len--)
		console_putc(*text++);
	if (sp->left)
		while (fill--)
			console_putc(' ');
}

/* Formats value backwards into the end of buf; returns the first character. */
static char *format_unsigned(char *end, u64 value, unsigned int base)
{
	static const char digits[] = "0123456789abcdef";

	*--end = '\0';
	do {
		*--end = digits[value % base];
		value /= base;
	} while (value);
	return end;
}

static void emit_number(const struct spec *sp, u64 value, unsigned int base, bool negative)
{
	char buf[24];
	char *text = format_unsigned(buf + sizeof(buf), value, base);

	if (negative)
		*--text = '-';
	emit_padded(sp, text, strlen(text));
}

int printk(const char *fmt, ...)
{
	va_list ap;
	char c;

	va_start(ap, fmt);
	while ((c = *fmt++)) {
		struct spec sp = { .left = false, .pad = ' ', .width = 0 };
		unsigned int longs = 0;

		if (c != '%') {
			console_putc(c);
			continue;
		}
		for (;; fmt++) {
			if (*fmt == '-')
				sp.left = true;
			else if (*fmt == '0')
				sp.pad = '0';
			else
				break;
		}
		if (*fmt == '*') {
			int w = va_arg(ap, int);

			sp.width = w > 0 ? (unsigned int)w : 0;
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			sp.width = sp.width * 10 + (unsigned int)(*fmt++ - '0');
		while (*fmt == 'l') {
			longs++;
			fmt++;
		}
		if (sp.left)
			sp.pad = ' ';

		switch ((c = *fmt++)) {
		case 'c': {
			char ch = (char)va_arg(ap, int);

			emit_padded(&sp, &ch, 1);
			break;
		}
		case 's': {
			const char *s = va_arg(ap, const char *);

			if (!s)
				s = "(null)";
			emit_padded(&sp, s, strlen(s));
			break;
		}
		case 'd':
		case 'i': {
			s64 v = longs ? va_arg(ap, s64) : va_arg(ap, int);

			emit_number(&sp, v < 0 ? -(u64)v : (u64)v, 10, v < 0);
			break;
		}
		case 'u':
			emit_number(&sp, longs ? va_arg(ap, u64) : va_arg(ap, unsigned int), 10, false);
			break;
		case 'x':
			emit_number(&sp, longs ? va_arg(ap, u64) : va_arg(ap, unsigned int), 16, false);
			break;
		case 'p': {
			struct spec hex = { .left = false, .pad = '0', .width = 16 };

			console_puts("0x");
			emit_number(&hex, (u64)va_arg(ap, void *), 16, false);
			break;
		}
		case '%':
			console_putc('%');
			break;
		case '\0':
			/* A lone '%' at the end: print it and stop. */
			console_putc('%');
			fmt--;
			break;
		default:
			/* Unknown conversion: show it verbatim so the mistake is visible. */
			console_putc('%');
			console_putc(c);
			break;
		}
	}
	va_end(ap);
	return 0;
}
