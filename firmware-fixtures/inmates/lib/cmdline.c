/*
 * Text command line in the parameter block (README.md, "Command line").
 *
 * `jailhouse cell load CELL X.bin -s "addr=0x9010000 write=1" -a 0x1000`
 * copies the string and its NUL to load base + 0x1000 after the image, whose
 * own copy of that page is zeros: no -s means an empty command line. Tokens
 * are separated by blanks (space, tab, CR, LF) and read `key=value` (a bare
 * `key` has an empty value); when a key appears twice the last token wins.
 *
 * The page counts as a command line only if a NUL comes within its 4 KiB
 * and every byte before it is printable ASCII or a blank. Anything else (a
 * binary block such as mmio-probe's) is reported once and every key takes
 * its default.
 *
 * Linked on demand (the Makefile's libinmate.a): only inmates that call it
 * carry this code.
 */
#include "inmate.h"

static const char *text;	/* the command line, or NULL when the block is not text */
static bool checked;

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static const char *cmdline_text(void)
{
	const char *block = (const char *)__params;
	unsigned int i;

	if (checked)
		return text;
	checked = true;
	for (i = 0; i < PARAMS_SIZE && block[i]; i++) {
		char c = block[i];

		if ((c < 0x20 || c > 0x7e) && !is_blank(c)) {
			printk("cmdline: no text command line at offset 0x%x (byte 0x%02x at offset 0x%x), using the defaults\n",
			       PARAMS_OFFSET, (unsigned int)(u8)c, PARAMS_OFFSET + i);
			return NULL;
		}
	}
	if (i == PARAMS_SIZE) {
		printk("cmdline: no text command line at offset 0x%x (no NUL within 4 KiB), using the defaults\n",
		       PARAMS_OFFSET);
		return NULL;
	}
	text = block;
	return text;
}

bool cmdline_find(const char *key, const char **value, unsigned int *len)
{
	const char *p = cmdline_text();
	unsigned int key_len = strlen(key);
	bool found = false;

	while (p && *p) {
		const char *token;
		unsigned int token_len;

		while (is_blank(*p))
			p++;
		token = p;
		while (*p && !is_blank(*p))
			p++;
		token_len = p - token;
		if (token_len == 0 || token_len < key_len || memcmp(token, key, key_len) != 0)
			continue;
		if (token_len == key_len) {
			*value = token + key_len;
			*len = 0;
			found = true;
		} else if (token[key_len] == '=') {
			*value = token + key_len + 1;
			*len = token_len - key_len - 1;
			found = true;
		}
	}
	return found;
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 16;
}

/* Decimal, or hex after 0x/0X; at least one digit, at most 64 bits. */
static bool parse_u64(const char *s, unsigned int len, u64 *out)
{
	unsigned int base = 10;
	u64 v = 0;

	if (len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
		len -= 2;
	}
	if (len == 0)
		return false;
	for (; len; len--, s++) {
		int d = digit_value(*s);

		if (d >= (int)base)
			return false;
		if (base == 16 ? v >> 60 != 0 :
		    v > 1844674407370955161UL || (v == 1844674407370955161UL && d > 5))
			return false;
		v = v * base + (u64)d;
	}
	*out = v;
	return true;
}

u64 cmdline_u64(const char *key, u64 fallback)
{
	const char *value;
	unsigned int len;
	u64 v;

	if (!cmdline_find(key, &value, &len))
		return fallback;
	if (parse_u64(value, len, &v))
		return v;
	{
		char shown[48];

		if (len > sizeof(shown) - 1)
			len = sizeof(shown) - 1;
		memcpy(shown, value, len);
		shown[len] = '\0';
		printk("cmdline: %s=%s is not a number (decimal or 0x hex), using the default 0x%lx\n",
		       key, shown, fallback);
	}
	return fallback;
}

const char *cmdline_string(const char *key, const char *fallback, char *buf, unsigned int size)
{
	const char *value;
	unsigned int len;

	if (!cmdline_find(key, &value, &len)) {
		value = fallback;
		len = strlen(fallback);
	}
	if (len > size - 1)
		len = size - 1;
	memcpy(buf, value, len);
	buf[len] = '\0';
	return buf;
}
