# Production image: the API and the built client on one port. Migrations run at start as the
# owner role (DATABASE_OWNER_URL); the app itself connects as the role that owns nothing.
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json tsconfig.base.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY client/package.json client/
# Dev dependencies are needed to build the client and to run TypeScript with tsx.
RUN npm ci --include=dev && npm cache clean --force
COPY . .
RUN npm run build:client
USER node
EXPOSE 3000
CMD ["npm", "start"]
